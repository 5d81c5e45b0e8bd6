import { describe, expect, it } from 'vitest';
import { at, openedCase } from '../testing/fixtures';
import { activePrimary } from './care-team';
import { activateCase, closeCase, openCase } from './case';
import { InvalidInputError, InvalidTransitionError } from './errors';

const input = {
  caseId: 'case-1',
  tenantId: 'tenant-1',
  practiceId: 'practice-1',
  patientId: 'patient-1',
  referralId: 'referral-1',
  program: 'ccm' as const,
  identifiedAt: '2026-01-15',
  timeZone: 'America/Chicago',
  primaryStaffId: 'cm-1',
};

describe('case lifecycle', () => {
  it('opens in state open with the chosen primary and a CaseOpened event without patient data', () => {
    const { case: opened, events } = openCase(input, at('2026-01-16T10:00:00Z'));
    expect(opened.state).toBe('open');
    expect(opened.openedAt).toBe('2026-01-16T10:00:00Z');
    expect(activePrimary(opened)).toBe('cm-1');
    expect(events).toEqual([
      {
        type: 'CaseOpened',
        tenantId: 'tenant-1',
        caseId: 'case-1',
        occurredAt: '2026-01-16T10:00:00Z',
        practiceId: 'practice-1',
        program: 'ccm',
        primaryStaffId: 'cm-1',
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('patient-1');
  });

  it('moves open -> active -> closed, recording when and why', () => {
    const active = activateCase(openedCase(), at('2026-01-20T10:00:00Z'));
    expect(active.case).toMatchObject({ state: 'active', activatedAt: '2026-01-20T10:00:00Z' });
    expect(active.events[0]?.type).toBe('CaseActivated');
    const closed = closeCase(active.case, 'goals-met', at('2026-06-01T10:00:00Z'));
    expect(closed.case).toMatchObject({
      state: 'closed',
      closeReason: 'goals-met',
      closedAt: '2026-06-01T10:00:00Z',
    });
    expect(closed.events[0]).toMatchObject({ type: 'CaseClosed', reason: 'goals-met' });
  });

  it.each(['goals-met', 'transferred', 'declined', 'deceased', 'ineligible'] as const)(
    'can close an open case as %s',
    (reason) => {
      expect(closeCase(openedCase(), reason, at('2026-02-01T00:00:00Z')).case.closeReason).toBe(reason);
    },
  );

  it.each([
    [
      'activate an active case',
      () =>
        activateCase(activateCase(openedCase(), at('2026-01-20T00:00:00Z')).case, at('2026-01-21T00:00:00Z')),
    ],
    [
      'activate a closed case',
      () =>
        activateCase(
          closeCase(openedCase(), 'declined', at('2026-01-20T00:00:00Z')).case,
          at('2026-01-21T00:00:00Z'),
        ),
    ],
    [
      'close a closed case',
      () =>
        closeCase(
          closeCase(openedCase(), 'declined', at('2026-01-20T00:00:00Z')).case,
          'goals-met',
          at('2026-01-21T00:00:00Z'),
        ),
    ],
  ])('refuses to %s', (_label, act) => {
    expect(act).toThrow(InvalidTransitionError);
  });

  it('rejects an unknown close reason', () => {
    expect(() => closeCase(openedCase(), 'bored' as never, at('2026-02-01T00:00:00Z'))).toThrow(
      InvalidInputError,
    );
  });

  it('rejects bad input naming the field but never echoing its value', () => {
    const act = () => openCase({ ...input, patientId: 'Jane Doe 1950-02-03' }, at('2026-01-16T10:00:00Z'));
    expect(act).toThrow(InvalidInputError);
    try {
      act();
    } catch (error) {
      expect((error as InvalidInputError).fields.map((field) => field.path).join()).toContain('patientId');
      expect((error as Error).message).not.toContain('Jane');
      expect((error as Error).message).not.toContain('1950');
    }
  });

  it.each([
    ['identifiedAt', { identifiedAt: '15/01/2026' }],
    ['timeZone', { timeZone: 'Mars/Olympus' }],
    ['program', { program: 'wellness' }],
  ])('rejects an invalid %s', (field, patch) => {
    expect(() => openCase({ ...input, ...patch } as typeof input, at('2026-01-16T10:00:00Z'))).toThrow(field);
  });
});
