import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, completePlan, teamCase } from '../testing/fixtures';
import {
  CARE_PLAN_ELEMENTS,
  type CarePlan,
  type CarePlanElement,
  emptyCarePlan,
  missingElements,
  parseCarePlan,
} from './care-plan';
import { CarePlanIncompleteError, InvalidInputError } from './errors';
import { establish } from './versions';

/** Removes one element from a complete plan. */
const without: Record<CarePlanElement, (plan: CarePlan) => CarePlan> = {
  'problem-list': (p) => ({ ...p, problems: [], goals: p.goals.map((g) => ({ ...g, problemIds: [] })) }),
  'expected-outcome': ({ expectedOutcome: _, ...p }) => p,
  prognosis: ({ prognosis: _, ...p }) => p,
  'measurable-goals': (p) => ({
    ...p,
    goals: [],
    interventions: p.interventions.map(({ goalIds: _, ...i }) => i),
  }),
  'goal-measures': (p) => ({ ...p, goals: p.goals.map((g, i) => (i === 0 ? { ...g, measures: [] } : g)) }),
  'goal-target-dates': (p) => ({ ...p, goals: p.goals.map(({ targetDate: _, ...g }) => g) }),
  'symptom-management': (p) => ({ ...p, symptomManagement: [] }),
  'planned-interventions': (p) => ({ ...p, interventions: [] }),
  'medication-management': ({ medicationManagement: _, ...p }) => p,
  'community-services': (p) => ({ ...p, communityServices: { status: 'ordered', services: [] } }),
  coordination: ({ coordination: _, ...p }) => p,
  'periodic-review': ({ reviewDate: _, ...p }) => p,
};

const establishContext = {
  planId: 'plan-1',
  case: teamCase(),
  staffId: 'cm-1',
  now: at('2026-02-01T15:00:00Z'),
};

describe('missingElements', () => {
  it('finds nothing missing in a complete plan', () => {
    expect(missingElements(completePlan())).toEqual([]);
  });

  it.each(CARE_PLAN_ELEMENTS)('reports %s when it is missing', (element) => {
    expect(missingElements(without[element](completePlan()))).toEqual([element]);
  });

  it('reports exactly the removed elements, whichever are removed', () => {
    fc.assert(
      fc.property(fc.subarray([...CARE_PLAN_ELEMENTS]), (removed) => {
        const plan = removed.reduce((p, element) => without[element](p), completePlan());
        const expected = removed.includes('measurable-goals')
          ? removed.filter((e) => e !== 'goal-measures' && e !== 'goal-target-dates')
          : removed;
        expect(new Set(missingElements(plan))).toEqual(new Set(expected));
      }),
    );
  });

  it('accepts an explicit "none needed" for community services and coordination', () => {
    const plan: CarePlan = {
      ...completePlan(),
      communityServices: { status: 'none-needed' },
      coordination: { status: 'none-needed' },
    };
    expect(missingElements(plan)).toEqual([]);
  });

  it('treats blank text as missing', () => {
    const plan: CarePlan = { ...completePlan(), prognosis: '   ', symptomManagement: [' '] };
    expect(missingElements(plan)).toEqual(['prognosis', 'symptom-management']);
  });

  it('lists every element for an empty plan', () => {
    expect(missingElements(emptyCarePlan())).toEqual(
      CARE_PLAN_ELEMENTS.filter((e) => e !== 'goal-measures' && e !== 'goal-target-dates'),
    );
  });
});

describe('establish', () => {
  it('refuses a plan missing elements and lists each one', () => {
    const draft = without['periodic-review'](
      without.prognosis(without['medication-management'](completePlan())),
    );
    expect(() => establish(draft, establishContext)).toThrow(CarePlanIncompleteError);
    try {
      establish(draft, establishContext);
    } catch (error) {
      expect((error as CarePlanIncompleteError).missing).toEqual([
        'prognosis',
        'medication-management',
        'periodic-review',
      ]);
    }
  });

  it('establishes a complete plan as version 1', () => {
    const { plan, events } = establish(completePlan(), establishContext);
    expect(plan.version).toBe(1);
    expect(plan.plan).toEqual(completePlan());
    expect(events).toEqual([
      {
        type: 'CarePlanEstablished',
        tenantId: 'tenant-1',
        caseId: 'case-1',
        planId: 'plan-1',
        program: 'ccm',
        version: 1,
        substantial: true,
        changedBy: 'cm-1',
        occurredAt: '2026-02-01T15:00:00Z',
      },
    ]);
  });
});

describe('care plan schema', () => {
  it.each([
    ['a duplicate goal id', (p: CarePlan) => ({ ...p, goals: [...p.goals, p.goals[0]!] }), 'goals'],
    [
      'a goal pointing at an unknown problem',
      (p: CarePlan) => ({ ...p, goals: [{ ...p.goals[0]!, problemIds: ['nope'] }] }),
      'goals.0.problemIds',
    ],
    [
      'an intervention pointing at an unknown goal',
      (p: CarePlan) => ({ ...p, interventions: [{ ...p.interventions[0]!, goalIds: ['nope'] }] }),
      'interventions.0.goalIds',
    ],
    [
      'an unknown intervention kind',
      (p: CarePlan) => ({ ...p, interventions: [{ ...p.interventions[0]!, kind: 'magic' as never }] }),
      'interventions.0.kind',
    ],
    [
      'an unknown responsible party',
      (p: CarePlan) => ({
        ...p,
        interventions: [{ ...p.interventions[0]!, responsible: 'dentistry' as never }],
      }),
      'interventions.0.responsible',
    ],
    [
      'an id that is not FHIR-safe',
      (p: CarePlan) => ({ ...p, problems: [{ ...p.problems[0]!, id: 'has space' }, p.problems[1]!] }),
      'problems.0.id',
    ],
  ])('rejects %s, naming the path', (_label, mutate, path) => {
    expect(() => parseCarePlan(mutate(completePlan()))).toThrow(InvalidInputError);
    expect(() => parseCarePlan(mutate(completePlan()))).toThrow(path);
  });
});
