import { interventionKinds as kinds, secondaryServices } from '@carelink/contracts/code-lists';
import type { operations } from '../../api-types';

/** The care plan as the API takes it (types generated from the OpenAPI document). */
export type CarePlan = operations['putCarePlan']['requestBody']['content']['application/json'];
/** The plan as the API answers with JSON (the route can also answer FHIR or a printable copy). */
export type StoredCarePlan = operations['getCarePlan']['responses'][200]['content']['application/json'];
export type Problem = CarePlan['problems'][number];
export type Goal = CarePlan['goals'][number];
export type Measure = Goal['measures'][number];
export type Intervention = CarePlan['interventions'][number];
export type CommunityServices = NonNullable<CarePlan['communityServices']>;
export type CommunityService = Extract<CommunityServices, { status: 'ordered' }>['services'][number];
export type Coordination = NonNullable<CarePlan['coordination']>;
export type OutsideProvider = Extract<Coordination, { status: 'coordinating' }>['providers'][number];
export type Responsible = Goal['owner'];

export const responsibleParties = ['primary', ...secondaryServices] as const satisfies readonly Responsible[];

export const interventionKinds = kinds satisfies readonly Intervention['kind'][];

export const comparators = ['<', '<=', '=', '>=', '>'] as const satisfies readonly Measure['comparator'][];

export const cadenceUnits = ['day', 'week', 'month'] as const satisfies readonly NonNullable<
  Intervention['cadence']
>['unit'][];

/**
 * The elements CMS requires in a comprehensive care plan, in the order the API reports them, with
 * what the checklist calls each one and the form control it points to.
 */
export const cmsElements = [
  { element: 'problem-list', label: 'Problem list', field: 'plan-problems' },
  { element: 'expected-outcome', label: 'Expected outcome', field: 'plan-expected-outcome' },
  { element: 'prognosis', label: 'Prognosis', field: 'plan-prognosis' },
  { element: 'measurable-goals', label: 'Measurable goals', field: 'plan-goals' },
  { element: 'goal-measures', label: 'A measure for every goal', field: 'plan-goals' },
  { element: 'goal-target-dates', label: 'A target date for every goal', field: 'plan-goals' },
  { element: 'symptom-management', label: 'Symptom management', field: 'plan-symptoms' },
  { element: 'planned-interventions', label: 'Planned interventions', field: 'plan-interventions' },
  { element: 'medication-management', label: 'Medication management', field: 'plan-medications' },
  { element: 'community-services', label: 'Community services', field: 'plan-community' },
  { element: 'coordination', label: 'Coordination with other providers', field: 'plan-coordination' },
  { element: 'periodic-review', label: 'Periodic review date', field: 'plan-review-date' },
] as const;

export type CmsElement = (typeof cmsElements)[number]['element'];

/** A plan with nothing in it yet, the start of a first draft. */
export const emptyPlan = (): CarePlan => ({
  problems: [],
  goals: [],
  symptomManagement: [],
  interventions: [],
});

/** A new item id the API accepts (letters, digits, dots and dashes), unique within its list. */
export const newItemId = (prefix: string): string => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
