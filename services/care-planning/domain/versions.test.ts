import { addMilliseconds, HOUR_MS } from '@carelink/calendar';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, completePlan, teamCase } from '../testing/fixtures';
import type { CarePlan } from './care-plan';
import { closeCase } from './case';
import { CarePlanIncompleteError, ForbiddenChangeError, VersionConflictError } from './errors';
import { actorFor } from './ownership';
import { establish, revise, type VersionedCarePlan, versionOf, versionSummaries } from './versions';

const established = (): VersionedCarePlan =>
  establish(completePlan(), {
    planId: 'plan-1',
    case: teamCase(),
    staffId: 'cm-1',
    now: at('2026-02-01T15:00:00Z'),
  }).plan;
const primary = actorFor(teamCase(), 'cm-1');
const nutrition = actorFor(teamCase(), 'nut-1');
const pharmacy = actorFor(teamCase(), 'rx-1');
const outsider = actorFor(teamCase(), 'someone-else');
const now = at('2026-02-10T15:00:00Z');

const renameGoal = (plan: CarePlan, id: string, description: string): CarePlan => ({
  ...plan,
  goals: plan.goals.map((g) => (g.id === id ? { ...g, description } : g)),
});

const forbiddenFields = (act: () => unknown): readonly string[] => {
  try {
    act();
  } catch (error) {
    if (error instanceof ForbiddenChangeError) return error.refusedFields;
    throw error;
  }
  throw new Error('expected a forbidden change');
};

describe('actorFor', () => {
  it.each([
    ['cm-1', { kind: 'primary', staffId: 'cm-1' }],
    ['nut-1', { kind: 'secondary', staffId: 'nut-1', services: ['nutrition'] }],
    ['nobody', { kind: 'outsider', staffId: 'nobody' }],
  ])('resolves %s from the care team', (staffId, actor) => {
    expect(actorFor(teamCase(), staffId)).toEqual(actor);
  });

  it('treats everyone as an outsider once the case is closed', () => {
    expect(actorFor(closeCase(teamCase(), 'transferred', now).case, 'cm-1').kind).toBe('outsider');
  });
});

describe('ownership', () => {
  it('lets the primary change anything', () => {
    const next = { ...renameGoal(completePlan(), 'g-meal', 'Eat well'), prognosis: 'Fair' };
    expect(revise(established(), next, primary, 1, now).plan.version).toBe(2);
  });

  it("lets a secondary change their own service's goals and interventions", () => {
    const next: CarePlan = {
      ...renameGoal(completePlan(), 'g-meal', 'Eat to plan five days a week'),
      interventions: [
        ...completePlan().interventions,
        {
          id: 'i-shop',
          description: 'Grocery store tour',
          kind: 'education',
          responsible: 'nutrition',
          goalIds: ['g-meal'],
        },
      ],
    };
    const { plan } = revise(established(), next, nutrition, 1, now);
    expect(plan.versions[1]?.changes).toEqual(['goals[g-meal].description', 'interventions[i-shop]']);
    expect(plan.versions[1]?.changedBy).toBe('nut-1');
  });

  it.each([
    [
      "another service's goal",
      renameGoal(completePlan(), 'g-a1c', 'Lower sugar'),
      ['goals[g-a1c].description'],
    ],
    [
      "another service's intervention",
      { ...completePlan(), interventions: completePlan().interventions.filter((i) => i.id !== 'i-refill') },
      ['interventions[i-refill]'],
    ],
    ['the prognosis', { ...completePlan(), prognosis: 'Poor' }, ['prognosis']],
    [
      'their goal, handing it to the primary',
      {
        ...completePlan(),
        goals: completePlan().goals.map((g) => (g.id === 'g-meal' ? { ...g, owner: 'primary' as const } : g)),
      },
      ['goals[g-meal].owner'],
    ],
    [
      'a mix, listing only the refused fields',
      {
        ...renameGoal(renameGoal(completePlan(), 'g-meal', 'ok'), 'g-bp', 'not ok'),
        reviewDate: '2026-06-01',
      },
      ['goals[g-bp].description', 'reviewDate'],
    ],
  ])('forbids a nutrition secondary from changing %s', (_label, next, fields) => {
    expect(forbiddenFields(() => revise(established(), next, nutrition, 1, now))).toEqual(fields);
  });

  it('forbids a pharmacy secondary from editing the nutrition section', () => {
    const next = renameGoal(completePlan(), 'g-meal', 'Eat less');
    expect(forbiddenFields(() => revise(established(), next, pharmacy, 1, now))).toEqual([
      'goals[g-meal].description',
    ]);
  });

  it('forbids anyone off the team from changing anything, even nothing', () => {
    expect(forbiddenFields(() => revise(established(), completePlan(), outsider, 1, now))).toEqual([]);
    expect(
      forbiddenFields(() => revise(established(), { ...completePlan(), prognosis: 'x' }, outsider, 1, now)),
    ).toEqual(['prognosis']);
  });

  it('only lets the primary establish the plan', () => {
    const act = () =>
      establish(completePlan(), { planId: 'plan-1', case: teamCase(), staffId: 'nut-1', now });
    expect(act).toThrow(ForbiddenChangeError);
  });
});

describe('revise', () => {
  it('conflicts on a stale expected version', () => {
    const v2 = revise(established(), { ...completePlan(), prognosis: 'Fair' }, primary, 1, now).plan;
    const stale = () => revise(v2, { ...completePlan(), prognosis: 'Poor' }, primary, 1, now);
    expect(stale).toThrow(VersionConflictError);
    try {
      stale();
    } catch (error) {
      expect(error).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    }
  });

  it('checks the version before anything else, so a stale outsider still sees a conflict', () => {
    expect(() => revise(established(), completePlan(), outsider, 7, now)).toThrow(VersionConflictError);
  });

  it('refuses a revision that leaves the plan incomplete', () => {
    const { prognosis: _, ...incomplete } = completePlan();
    expect(() => revise(established(), incomplete, primary, 1, now)).toThrow(CarePlanIncompleteError);
  });

  it('makes no version and no event when nothing changed', () => {
    const current = established();
    const result = revise(current, completePlan(), primary, 1, now);
    expect(result.plan).toBe(current);
    expect(result.events).toEqual([]);
  });

  it('emits CarePlanRevised with ids, version, substance and section names only', () => {
    const next = { ...completePlan(), reviewDate: '2026-06-01' };
    const { events } = revise(established(), next, primary, 1, now);
    expect(events).toEqual([
      {
        type: 'CarePlanRevised',
        tenantId: 'tenant-1',
        caseId: 'case-1',
        planId: 'plan-1',
        program: 'ccm',
        version: 2,
        substantial: false,
        changedBy: 'cm-1',
        occurredAt: '2026-02-10T15:00:00Z',
        changedSections: ['reviewDate'],
      },
    ]);
  });

  it('keeps versions immutable', () => {
    const plan = established();
    expect(Object.isFrozen(plan.versions[0]?.plan.goals[0])).toBe(true);
    expect(() => {
      (plan.versions[0]?.plan as CarePlan).prognosis = 'tampered';
    }).toThrow(TypeError);
  });

  it('keeps every version retrievable from the version list, whatever revisions are made', () => {
    const prognoses = fc.array(fc.constantFrom('Good', 'Fair', 'Guarded', 'Poor'), { maxLength: 12 });
    fc.assert(
      fc.property(prognoses, (sequence) => {
        let current = established();
        const expected: CarePlan[] = [completePlan()];
        sequence.forEach((prognosis, i) => {
          const next = { ...current.plan, prognosis };
          current = revise(current, next, primary, current.version, addMilliseconds(now, i * HOUR_MS)).plan;
          if (current.version === expected.length + 1) expected.push(next);
        });
        expect(current.versions.map((v) => v.version)).toEqual(expected.map((_, i) => i + 1));
        expected.forEach((plan, i) => {
          expect(versionOf(current, i + 1)?.plan).toEqual(plan);
        });
        expect(versionOf(current, expected.length + 1)).toBeUndefined();
        expect(current.plan).toEqual(expected.at(-1));
      }),
    );
  });

  it('summarises versions without their bodies', () => {
    const v2 = revise(established(), { ...completePlan(), prognosis: 'Fair' }, primary, 1, now).plan;
    expect(versionSummaries(v2)).toEqual([
      expect.objectContaining({ version: 1, changedBy: 'cm-1', substantial: true }),
      {
        version: 2,
        changedBy: 'cm-1',
        changedAt: '2026-02-10T15:00:00Z',
        changes: ['prognosis'],
        substantial: true,
      },
    ]);
    expect(versionSummaries(v2)[0]).not.toHaveProperty('plan');
  });
});
