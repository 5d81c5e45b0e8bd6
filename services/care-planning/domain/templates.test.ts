import { describe, expect, it } from 'vitest';
import { at, teamCase } from '../testing/fixtures';
import { missingElements } from './care-plan';
import { CONDITION_TEMPLATES, startPlanFromTemplates, type TemplateCondition } from './templates';
import { establish } from './versions';

const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const conditions = Object.keys(CONDITION_TEMPLATES) as TemplateCondition[];

describe('condition templates', () => {
  it('covers diabetes, heart failure, COPD, hypertension and depression', () => {
    expect(conditions.sort()).toEqual(['copd', 'depression', 'diabetes', 'heart-failure', 'hypertension']);
  });

  it.each(conditions)(
    'starts a %s plan with a coded problem, measurable dated goals, interventions and symptom advice',
    (condition) => {
      const plan = startPlanFromTemplates([condition], { start: '2026-02-01', newId: counter() });
      expect(plan.problems).toEqual([{ id: 'id-1', ...CONDITION_TEMPLATES[condition].problem }]);
      expect(plan.goals.length).toBeGreaterThan(0);
      for (const goal of plan.goals) {
        expect(goal.measures.length).toBeGreaterThan(0);
        expect(goal.targetDate! > '2026-02-01').toBe(true);
        expect(goal.problemIds).toEqual(['id-1']);
      }
      expect(plan.interventions.length).toBeGreaterThan(0);
      expect(plan.symptomManagement.length).toBeGreaterThan(0);
    },
  );

  it('dates goals from the start day', () => {
    const plan = startPlanFromTemplates(['diabetes'], { start: '2026-02-01', newId: counter() });
    expect(plan.goals.map((g) => g.targetDate)).toEqual(['2026-07-31', '2026-05-02']);
  });

  it('links interventions to the goals they serve', () => {
    const plan = startPlanFromTemplates(['depression'], { start: '2026-02-01', newId: counter() });
    const phq9Goal = plan.goals[0]!.id;
    expect(plan.interventions.every((i) => i.goalIds?.includes(phq9Goal))).toBe(true);
  });

  it('combines several conditions with unique ids and no repeated advice', () => {
    const plan = startPlanFromTemplates(['heart-failure', 'hypertension', 'heart-failure'], {
      start: '2026-02-01',
      newId: counter(),
    });
    expect(plan.problems.map((p) => p.icd10)).toEqual(['I50.9', 'I10']);
    const ids = [...plan.problems, ...plan.goals, ...plan.interventions].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(plan.symptomManagement).size).toBe(plan.symptomManagement.length);
  });

  it('leaves the individual elements for the care manager, so the draft cannot be established as is', () => {
    const draft = startPlanFromTemplates(conditions, { start: '2026-02-01', newId: counter() });
    expect(missingElements(draft)).toEqual([
      'expected-outcome',
      'prognosis',
      'medication-management',
      'community-services',
      'coordination',
      'periodic-review',
    ]);
    const filled = {
      ...draft,
      expectedOutcome: 'Fewer hospital stays',
      prognosis: 'Fair',
      medicationManagement: { summary: 'Reconciled' },
      communityServices: { status: 'none-needed' as const },
      coordination: { status: 'none-needed' as const },
      reviewDate: '2026-05-01',
    };
    const { plan } = establish(filled, {
      planId: 'plan-1',
      case: teamCase(),
      staffId: 'cm-1',
      now: at('2026-02-01T15:00:00Z'),
    });
    expect(plan.version).toBe(1);
  });
});
