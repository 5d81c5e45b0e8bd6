import { addMilliseconds, compareInstants, type Instant, MINUTE_MS } from '@carelink/calendar';
import { DomainError } from '@carelink/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, openedCase, teamCase } from '../testing/fixtures';
import {
  activePrimaries,
  activePrimary,
  activeSecondaries,
  addSecondary,
  reassignPrimary,
  removeSecondary,
} from './care-team';
import { type Case, closeCase } from './case';
import { CareTeamChangeError, InvariantViolationError } from './errors';
import { SECONDARY_SERVICES, type SecondaryService } from './roster';

const later = at('2026-02-01T12:00:00Z');

describe('care team changes', () => {
  it('reassigns the primary, ending the old assignment at the same instant', () => {
    const { case: after, events } = reassignPrimary(openedCase(), 'cm-2', later);
    expect(activePrimary(after)).toBe('cm-2');
    const old = after.careTeam.find((a) => a.staffId === 'cm-1');
    expect(old?.until).toBe('2026-02-01T12:00:00Z');
    expect(events).toEqual([
      {
        type: 'CareTeamChanged',
        tenantId: 'tenant-1',
        caseId: 'case-1',
        occurredAt: '2026-02-01T12:00:00Z',
        change: { kind: 'primary-reassigned', fromStaffId: 'cm-1', toStaffId: 'cm-2' },
      },
    ]);
  });

  it('adds and removes a secondary for a service', () => {
    const added = addSecondary(openedCase(), 'bh-1', 'behavioral-health', later);
    expect(activeSecondaries(added.case)).toEqual([{ staffId: 'bh-1', service: 'behavioral-health' }]);
    expect(added.events[0]?.change).toEqual({
      kind: 'secondary-added',
      staffId: 'bh-1',
      service: 'behavioral-health',
    });
    const removed = removeSecondary(added.case, 'bh-1', 'behavioral-health', at('2026-03-01T00:00:00Z'));
    expect(activeSecondaries(removed.case)).toEqual([]);
    expect(removed.case.careTeam).toHaveLength(2);
    expect(removed.events[0]?.change).toEqual({
      kind: 'secondary-removed',
      staffId: 'bh-1',
      service: 'behavioral-health',
    });
  });

  it('lets one person deliver two services', () => {
    const one = addSecondary(openedCase(), 'sw-1', 'social-work', later).case;
    const two = addSecondary(one, 'sw-1', 'behavioral-health', later).case;
    expect(activeSecondaries(two).map((s) => s.service)).toEqual(['social-work', 'behavioral-health']);
  });

  const closed = () => closeCase(teamCase(), 'transferred', later).case;
  it.each([
    [
      'reassigning to the current primary',
      () => reassignPrimary(openedCase(), 'cm-1', later),
      'already-primary',
    ],
    [
      'reassigning to a current secondary',
      () => reassignPrimary(teamCase(), 'nut-1', later),
      'staff-is-secondary',
    ],
    [
      'adding the primary as a secondary',
      () => addSecondary(openedCase(), 'cm-1', 'nutrition', later),
      'staff-is-primary',
    ],
    [
      'adding the same secondary twice',
      () => addSecondary(teamCase(), 'nut-1', 'nutrition', later),
      'already-assigned-to-service',
    ],
    [
      'removing someone not on that service',
      () => removeSecondary(teamCase(), 'nut-1', 'pharmacy', later),
      'not-assigned-to-service',
    ],
    ['changing a closed case', () => addSecondary(closed(), 'x-1', 'nutrition', later), 'case-closed'],
    ['reassigning on a closed case', () => reassignPrimary(closed(), 'cm-9', later), 'case-closed'],
  ])('refuses %s', (_label, act, refusal) => {
    expect(act).toThrow(CareTeamChangeError);
    try {
      act();
    } catch (error) {
      expect((error as CareTeamChangeError).refusal).toBe(refusal);
    }
  });
});

type Command =
  | { op: 'reassign'; staffId: string }
  | { op: 'add'; staffId: string; service: SecondaryService }
  | { op: 'remove'; staffId: string; service: SecondaryService };

const people = ['cm-1', 'cm-2', 'cm-3', 'nut-1', 'sw-1'];
const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ op: fc.constant('reassign' as const), staffId: fc.constantFrom(...people) }),
  fc.record({
    op: fc.constant('add' as const),
    staffId: fc.constantFrom(...people),
    service: fc.constantFrom(...SECONDARY_SERVICES),
  }),
  fc.record({
    op: fc.constant('remove' as const),
    staffId: fc.constantFrom(...people),
    service: fc.constantFrom(...SECONDARY_SERVICES),
  }),
);

const apply = (current: Case, command: Command, now: Instant): Case => {
  switch (command.op) {
    case 'reassign':
      return reassignPrimary(current, command.staffId, now).case;
    case 'add':
      return addSecondary(current, command.staffId, command.service, now).case;
    case 'remove':
      return removeSecondary(current, command.staffId, command.service, now).case;
  }
};

/** Primary assignments covering an instant: from is inclusive, until exclusive. */
const primariesAt = (current: Case, instant: string): number =>
  current.careTeam.filter(
    (a) =>
      a.role === 'primary' &&
      compareInstants(a.from, instant) <= 0 &&
      (a.until === undefined || compareInstants(instant, a.until) < 0),
  ).length;

describe('care team invariant', () => {
  it('reports stored data without an active primary as an invariant violation', () => {
    const corrupted: Case = { ...openedCase(), careTeam: [] };
    expect(() => activePrimary(corrupted)).toThrow(InvariantViolationError);
  });

  it('never has zero or two active primaries under any sequence of team changes', () => {
    fc.assert(
      fc.property(
        fc.array(commandArbitrary, { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 40, maxLength: 40 }),
        (commands, gaps) => {
          let current = openedCase();
          let now = at('2026-01-16T15:00:00Z');
          commands.forEach((command, i) => {
            // Changes may share an instant: hand-overs at the same moment must still leave one primary.
            now = addMilliseconds(now, (gaps[i] ?? 1) * MINUTE_MS);
            try {
              current = apply(current, command, now);
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
            }
            expect(activePrimaries(current)).toHaveLength(1);
          });
          // Across the whole history, every instant after opening is covered by exactly one primary.
          const instants = new Set(current.careTeam.flatMap((a) => [a.from, ...(a.until ? [a.until] : [])]));
          for (const instant of instants) expect(primariesAt(current, instant)).toBe(1);
        },
      ),
    );
  });
});
