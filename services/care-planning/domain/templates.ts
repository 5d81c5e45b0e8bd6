import { addDays, parseIsoDate } from '@carelink/calendar';
import {
  type Cadence,
  type CarePlan,
  emptyCarePlan,
  type GoalMeasure,
  type InterventionKind,
  parseCarePlan,
  type ResponsibleParty,
} from './care-plan';

/** Conditions with a starter template. */
export type TemplateCondition = 'diabetes' | 'heart-failure' | 'copd' | 'hypertension' | 'depression';

interface GoalTemplate {
  key: string;
  description: string;
  owner: ResponsibleParty;
  measures: GoalMeasure[];
  /** Target date, counted from the day the plan is started. */
  targetInDays: number;
}

interface InterventionTemplate {
  description: string;
  kind: InterventionKind;
  responsible: ResponsibleParty;
  cadence?: Cadence;
  goalKeys: string[];
}

/** Starting content for one condition; clinicians individualise it before establishing the plan. */
export interface ConditionTemplate {
  problem: { description: string; icd10: string };
  goals: GoalTemplate[];
  interventions: InterventionTemplate[];
  symptomManagement: string[];
}

const monthly: Cadence = { every: 1, unit: 'month' };
const quarterly: Cadence = { every: 3, unit: 'month' };
const call911 = 'Call 911 for chest pain, severe trouble breathing, fainting or sudden weakness.';

/** Starter templates keyed by condition. Targets are common guideline defaults that the care team individualises. */
export const CONDITION_TEMPLATES: Readonly<Record<TemplateCondition, ConditionTemplate>> = {
  diabetes: {
    problem: { description: 'Type 2 diabetes', icd10: 'E11.9' },
    goals: [
      {
        key: 'a1c',
        description: 'Keep HbA1c below 8%',
        owner: 'primary',
        measures: [{ metric: 'Hemoglobin A1c', loinc: '4548-4', comparator: '<', value: 8, unit: '%' }],
        targetInDays: 180,
      },
      {
        key: 'meal-plan',
        description: 'Follow the agreed meal plan most days of the week',
        owner: 'nutrition',
        measures: [{ metric: 'Days a week on the meal plan', comparator: '>=', value: 5, unit: '/wk' }],
        targetInDays: 90,
      },
    ],
    interventions: [
      {
        description: 'HbA1c test',
        kind: 'screening',
        responsible: 'primary',
        cadence: quarterly,
        goalKeys: ['a1c'],
      },
      {
        description: 'Yearly diabetic eye exam',
        kind: 'appointment',
        responsible: 'primary',
        cadence: { every: 12, unit: 'month' },
        goalKeys: [],
      },
      {
        description: 'Meal planning coaching',
        kind: 'education',
        responsible: 'nutrition',
        cadence: monthly,
        goalKeys: ['meal-plan'],
      },
      {
        description: 'Diabetes medicine refill check',
        kind: 'medication-refill',
        responsible: 'pharmacy',
        cadence: monthly,
        goalKeys: ['a1c'],
      },
    ],
    symptomManagement: [
      'Check blood sugar as instructed and keep a log.',
      'If blood sugar is below 70, take 15 grams of fast-acting sugar and recheck in 15 minutes.',
      'Call the care team if blood sugar stays above 300.',
    ],
  },
  'heart-failure': {
    problem: { description: 'Heart failure', icd10: 'I50.9' },
    goals: [
      {
        key: 'no-admissions',
        description: 'Stay out of the hospital for heart failure',
        owner: 'primary',
        measures: [
          { metric: 'Heart failure hospital stays', comparator: '=', value: 0, unit: '{admissions}' },
        ],
        targetInDays: 90,
      },
      {
        key: 'sodium',
        description: 'Keep salt (sodium) low every day',
        owner: 'nutrition',
        measures: [{ metric: 'Daily sodium intake', comparator: '<', value: 2000, unit: 'mg/d' }],
        targetInDays: 60,
      },
    ],
    interventions: [
      {
        description: 'Teach daily weighing and when to call',
        kind: 'education',
        responsible: 'primary',
        goalKeys: ['no-admissions'],
      },
      {
        description: 'Cardiology follow-up visit',
        kind: 'appointment',
        responsible: 'primary',
        cadence: quarterly,
        goalKeys: ['no-admissions'],
      },
      {
        description: 'Heart failure medicine review and refill check',
        kind: 'medication-refill',
        responsible: 'pharmacy',
        cadence: monthly,
        goalKeys: ['no-admissions'],
      },
      {
        description: 'Low-salt eating coaching',
        kind: 'education',
        responsible: 'nutrition',
        cadence: monthly,
        goalKeys: ['sodium'],
      },
      {
        description: 'Cardiac rehabilitation referral',
        kind: 'appointment',
        responsible: 'rehabilitation',
        goalKeys: ['no-admissions'],
      },
    ],
    symptomManagement: [
      'Weigh yourself every morning after using the bathroom, before breakfast.',
      'Call the care team if you gain more than 2 pounds in a day or 5 pounds in a week.',
      'Call the care team if you are more short of breath, need more pillows to sleep, or have new swelling.',
      call911,
    ],
  },
  copd: {
    problem: { description: 'Chronic obstructive pulmonary disease (COPD)', icd10: 'J44.9' },
    goals: [
      {
        key: 'flare-ups',
        description: 'Have no more than one COPD flare-up needing treatment',
        owner: 'primary',
        measures: [
          { metric: 'COPD flare-ups needing treatment', comparator: '<=', value: 1, unit: '{flare-ups}' },
        ],
        targetInDays: 180,
      },
      {
        key: 'rehab',
        description: 'Complete a pulmonary rehabilitation program',
        owner: 'rehabilitation',
        measures: [
          {
            metric: 'Pulmonary rehabilitation sessions attended',
            comparator: '>=',
            value: 24,
            unit: '{sessions}',
          },
        ],
        targetInDays: 120,
      },
    ],
    interventions: [
      {
        description: 'Inhaler technique check',
        kind: 'education',
        responsible: 'pharmacy',
        cadence: quarterly,
        goalKeys: ['flare-ups'],
      },
      {
        description: 'Pulmonary rehabilitation sessions',
        kind: 'appointment',
        responsible: 'rehabilitation',
        cadence: { every: 1, unit: 'week' },
        goalKeys: ['rehab'],
      },
      {
        description: 'Flu and pneumonia vaccine check',
        kind: 'screening',
        responsible: 'primary',
        cadence: { every: 12, unit: 'month' },
        goalKeys: ['flare-ups'],
      },
      {
        description: 'Stop-smoking support if needed',
        kind: 'education',
        responsible: 'primary',
        goalKeys: ['flare-ups'],
      },
    ],
    symptomManagement: [
      'Follow your COPD action plan when breathing gets worse.',
      'Call the care team if you need your rescue inhaler more than usual or your mucus changes color.',
      call911,
    ],
  },
  hypertension: {
    problem: { description: 'High blood pressure', icd10: 'I10' },
    goals: [
      {
        key: 'bp',
        description: 'Keep blood pressure below 130/80',
        owner: 'primary',
        measures: [
          { metric: 'Systolic blood pressure', loinc: '8480-6', comparator: '<', value: 130, unit: 'mm[Hg]' },
          { metric: 'Diastolic blood pressure', loinc: '8462-4', comparator: '<', value: 80, unit: 'mm[Hg]' },
        ],
        targetInDays: 90,
      },
      {
        key: 'sodium',
        description: 'Eat less salt (sodium)',
        owner: 'nutrition',
        measures: [{ metric: 'Daily sodium intake', comparator: '<', value: 2300, unit: 'mg/d' }],
        targetInDays: 60,
      },
    ],
    interventions: [
      {
        description: 'Teach home blood pressure checks',
        kind: 'education',
        responsible: 'primary',
        goalKeys: ['bp'],
      },
      {
        description: 'Review home blood pressure log',
        kind: 'other',
        responsible: 'primary',
        cadence: monthly,
        goalKeys: ['bp'],
      },
      {
        description: 'Blood pressure medicine refill check',
        kind: 'medication-refill',
        responsible: 'pharmacy',
        cadence: monthly,
        goalKeys: ['bp'],
      },
      {
        description: 'Heart-healthy eating coaching',
        kind: 'education',
        responsible: 'nutrition',
        goalKeys: ['sodium'],
      },
    ],
    symptomManagement: [
      'Check your blood pressure at home as instructed and keep a log.',
      'Call the care team if your blood pressure is above 180/120 twice, five minutes apart.',
      call911,
    ],
  },
  depression: {
    problem: { description: 'Depression', icd10: 'F32.A' },
    goals: [
      {
        key: 'phq9',
        description: 'Feel better: PHQ-9 score below 5',
        owner: 'behavioral-health',
        measures: [
          { metric: 'PHQ-9 total score', loinc: '44261-6', comparator: '<', value: 5, unit: '{score}' },
        ],
        targetInDays: 180,
      },
    ],
    interventions: [
      {
        description: 'PHQ-9 check-in',
        kind: 'screening',
        responsible: 'behavioral-health',
        cadence: monthly,
        goalKeys: ['phq9'],
      },
      {
        description: 'Counseling sessions',
        kind: 'appointment',
        responsible: 'behavioral-health',
        cadence: { every: 2, unit: 'week' },
        goalKeys: ['phq9'],
      },
      {
        description: 'Antidepressant refill and side-effect check',
        kind: 'medication-refill',
        responsible: 'pharmacy',
        cadence: monthly,
        goalKeys: ['phq9'],
      },
      {
        description: 'Connect with a community support group',
        kind: 'community-resource',
        responsible: 'social-work',
        goalKeys: ['phq9'],
      },
    ],
    symptomManagement: [
      'Keep a regular routine for sleep, meals and activity.',
      'Tell the care team if you feel worse or lose interest in things you enjoy.',
      'If you have thoughts of harming yourself, call or text 988 right away, or call 911.',
    ],
  },
};

/** How template content gets ids and dates. */
export interface TemplateOptions {
  /** Day the plan is started; goal target dates count from it. */
  start: string;
  /** Returns a fresh item id each call; must yield FHIR-compatible ids. */
  newId: () => string;
}

/**
 * Starts a draft plan from one or more condition templates: problems, goals, interventions and
 * symptom management. Outcome, prognosis, medication management, community services,
 * coordination and the review date are left for the care manager, so the draft cannot be
 * established until they are filled in.
 */
export const startPlanFromTemplates = (
  conditions: readonly TemplateCondition[],
  options: TemplateOptions,
): CarePlan => {
  const start = parseIsoDate(options.start);
  const plan = emptyCarePlan();
  for (const condition of new Set(conditions)) {
    const template = CONDITION_TEMPLATES[condition];
    const problemId = options.newId();
    plan.problems.push({ id: problemId, ...template.problem });
    const goalIds = new Map<string, string>();
    for (const { key, targetInDays, ...goal } of template.goals) {
      const id = options.newId();
      goalIds.set(key, id);
      plan.goals.push({
        id,
        ...goal,
        measures: goal.measures.map((m) => ({ ...m })),
        problemIds: [problemId],
        targetDate: addDays(start, targetInDays),
      });
    }
    for (const { goalKeys, ...intervention } of template.interventions) {
      plan.interventions.push({
        id: options.newId(),
        ...intervention,
        goalIds: goalKeys.flatMap((key) => goalIds.get(key) ?? []),
      });
    }
    for (const line of template.symptomManagement) {
      if (!plan.symptomManagement.includes(line)) plan.symptomManagement.push(line);
    }
  }
  return parseCarePlan(plan);
};
