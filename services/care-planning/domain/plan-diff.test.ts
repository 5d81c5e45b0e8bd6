import { describe, expect, it } from 'vitest';
import { completePlan } from '../testing/fixtures';
import type { CarePlan } from './care-plan';
import { diffPlans, isSubstantial } from './plan-diff';

const edit = (mutate: (plan: CarePlan) => CarePlan) => diffPlans(completePlan(), mutate(completePlan()));

describe('diffPlans', () => {
  it('finds no change between equal plans, even when lists are reordered', () => {
    expect(edit((p) => p)).toEqual([]);
    expect(edit((p) => ({ ...p, goals: [...p.goals].reverse() }))).toEqual([]);
  });

  it.each([
    ['prognosis', (p: CarePlan) => ({ ...p, prognosis: 'Guarded' }), ['prognosis'], true],
    ['review date', (p: CarePlan) => ({ ...p, reviewDate: '2026-05-01' }), ['reviewDate'], false],
    [
      'goal target date',
      (p: CarePlan) => ({
        ...p,
        goals: p.goals.map((g) => (g.id === 'g-a1c' ? { ...g, targetDate: '2026-08-01' } : g)),
      }),
      ['goals[g-a1c].targetDate'],
      false,
    ],
    [
      'goal measure',
      (p: CarePlan) => ({ ...p, goals: p.goals.map((g) => (g.id === 'g-a1c' ? { ...g, measures: [] } : g)) }),
      ['goals[g-a1c].measures'],
      true,
    ],
    [
      'added intervention',
      (p: CarePlan) => ({
        ...p,
        interventions: [
          ...p.interventions,
          { id: 'i-new', description: 'Ride', kind: 'transport' as const, responsible: 'primary' as const },
        ],
      }),
      ['interventions[i-new]'],
      true,
    ],
    [
      'removed problem',
      (p: CarePlan) => ({
        ...p,
        problems: p.problems.slice(0, 1),
        goals: p.goals.filter((g) => g.id !== 'g-bp'),
      }),
      ['problems[p-htn]', 'goals[g-bp]'],
      true,
    ],
    [
      'intervention cadence',
      (p: CarePlan) => ({
        ...p,
        interventions: p.interventions.map((i) =>
          i.id === 'i-refill' ? { ...i, cadence: { every: 2, unit: 'month' as const } } : i,
        ),
      }),
      ['interventions[i-refill].cadence'],
      false,
    ],
    [
      'intervention responsibility',
      (p: CarePlan) => ({
        ...p,
        interventions: p.interventions.map((i) =>
          i.id === 'i-refill' ? { ...i, responsible: 'primary' as const } : i,
        ),
      }),
      ['interventions[i-refill].responsible'],
      true,
    ],
    [
      'reconciliation date',
      (p: CarePlan) => ({
        ...p,
        medicationManagement: { summary: p.medicationManagement!.summary, reconciledOn: '2026-03-01' },
      }),
      ['medicationManagement.reconciledOn'],
      false,
    ],
    [
      'community services',
      (p: CarePlan) => ({ ...p, communityServices: { status: 'none-needed' as const } }),
      ['communityServices'],
      true,
    ],
  ])('records a %s change with its path and substance', (_label, mutate, paths, substantial) => {
    const changes = edit(mutate);
    expect(changes.map((c) => c.path)).toEqual(paths);
    expect(isSubstantial(changes)).toBe(substantial);
  });
});
