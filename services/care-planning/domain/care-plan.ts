import type { InterventionKind } from '@carelink/contracts';
import { CarePlanContent } from '@carelink/contracts/api/care-planning/care-plan';
import * as z from 'zod/mini';
import { parseOrThrow } from './primitives';
import { SecondaryServiceSchema } from './roster';

/** Who answers for a goal or intervention: the primary, or the secondary delivering a service. */
export const ResponsiblePartySchema = z.enum(['primary', ...SecondaryServiceSchema.options]);
/** Who answers for a goal or intervention. */
export type ResponsibleParty = z.infer<typeof ResponsiblePartySchema>;

// The shapes are the API contract's, so its caps (list lengths, text sizes) hold here too; the domain
// adds what one schema cannot say: unique ids per list and cross-references that resolve.
const plan = CarePlanContent.shape;

/** A problem on the plan's problem list (ICD-10-CM written with its dot). */
export const ProblemSchema = plan.problems.def.element;
/** A problem on the problem list. */
export type Problem = z.infer<typeof ProblemSchema>;

/** A treatment goal. `measures` and `targetDate` may be filled in while drafting. */
export const GoalSchema = plan.goals.def.element;
/** A treatment goal. */
export type Goal = z.infer<typeof GoalSchema>;

/** How a goal is measured: a metric, a comparison and a target value in a UCUM unit. */
export const GoalMeasureSchema = GoalSchema.shape.measures.def.element;
/** How a goal is measured. */
export type GoalMeasure = z.infer<typeof GoalMeasureSchema>;

/** Kind of planned intervention. */
export type { InterventionKind };

/** A planned intervention with the party responsible for it. */
export const InterventionSchema = plan.interventions.def.element;
/** A planned intervention. */
export type Intervention = z.infer<typeof InterventionSchema>;

/** How often a recurring intervention happens. */
export const CadenceSchema = InterventionSchema.shape.cadence.def.innerType;
/** How often a recurring intervention happens. */
export type Cadence = z.infer<typeof CadenceSchema>;

/** Medication management. */
export const MedicationManagementSchema = plan.medicationManagement.def.innerType;
/** Medication management. */
export type MedicationManagement = z.infer<typeof MedicationManagementSchema>;

/**
 * Community and social services. "None needed" is an explicit, recorded decision rather than
 * an empty list, so an unaddressed element is never mistaken for a considered one.
 */
export const CommunityServicesSchema = plan.communityServices.def.innerType;
/** Community and social services. */
export type CommunityServices = z.infer<typeof CommunityServicesSchema>;
/** A community or social service ordered for the patient. */
export type CommunityService = Extract<CommunityServices, { status: 'ordered' }>['services'][number];

/** Coordination with providers outside the practice; "none needed" is explicit for the same reason. */
export const CoordinationSchema = plan.coordination.def.innerType;
/** Coordination with outside providers. */
export type Coordination = z.infer<typeof CoordinationSchema>;
/** An outside provider and the coordination arrangement. */
export type OutsideProvider = Extract<Coordination, { status: 'coordinating' }>['providers'][number];

const duplicates = (ids: readonly string[]): string[] => ids.filter((id, index) => ids.indexOf(id) !== index);

/**
 * Care plan content. Elements are optional or may be empty so a draft can be saved;
 * {@link missingElements} decides whether it is complete enough to establish.
 * Item ids must be unique per list and cross-references must resolve.
 */
export const CarePlanSchema = CarePlanContent.check(
  z.superRefine((plan, ctx) => {
    const lists = {
      problems: plan.problems.map((p) => p.id),
      goals: plan.goals.map((g) => g.id),
      interventions: plan.interventions.map((i) => i.id),
      communityServices:
        plan.communityServices?.status === 'ordered' ? plan.communityServices.services.map((s) => s.id) : [],
      coordination:
        plan.coordination?.status === 'coordinating' ? plan.coordination.providers.map((p) => p.id) : [],
    };
    for (const [list, ids] of Object.entries(lists)) {
      for (const id of new Set(duplicates(ids))) {
        ctx.addIssue({ code: 'custom', path: [list], message: `duplicate id ${id}` });
      }
    }
    const problems = new Set(lists.problems);
    plan.goals.forEach((goal, index) => {
      if (goal.problemIds.some((id) => !problems.has(id))) {
        ctx.addIssue({ code: 'custom', path: ['goals', index, 'problemIds'], message: 'unknown problem' });
      }
    });
    const goals = new Set(lists.goals);
    plan.interventions.forEach((intervention, index) => {
      if ((intervention.goalIds ?? []).some((id) => !goals.has(id))) {
        ctx.addIssue({ code: 'custom', path: ['interventions', index, 'goalIds'], message: 'unknown goal' });
      }
    });
  }),
);
/** Care plan content, possibly still a draft. */
export type CarePlan = z.infer<typeof CarePlanSchema>;

/** Validates care plan content, throwing an error that names paths only. */
export const parseCarePlan = (value: unknown): CarePlan => parseOrThrow(CarePlanSchema, value, 'care plan');

/** The elements CMS requires in a comprehensive CCM care plan, in display order. */
export const CARE_PLAN_ELEMENTS = [
  'problem-list',
  'expected-outcome',
  'prognosis',
  'measurable-goals',
  'goal-measures',
  'goal-target-dates',
  'symptom-management',
  'planned-interventions',
  'medication-management',
  'community-services',
  'coordination',
  'periodic-review',
] as const;
/** One required care plan element. */
export type CarePlanElement = (typeof CARE_PLAN_ELEMENTS)[number];

const blank = (text: string | undefined): boolean => text === undefined || text.trim().length === 0;

const presence: Record<CarePlanElement, (plan: CarePlan) => boolean> = {
  'problem-list': (plan) => plan.problems.length > 0,
  'expected-outcome': (plan) => !blank(plan.expectedOutcome),
  prognosis: (plan) => !blank(plan.prognosis),
  'measurable-goals': (plan) => plan.goals.length > 0,
  // Vacuously present without goals: that gap is already reported as `measurable-goals`.
  'goal-measures': (plan) => plan.goals.every((goal) => goal.measures.length > 0),
  'goal-target-dates': (plan) => plan.goals.every((goal) => goal.targetDate !== undefined),
  'symptom-management': (plan) => plan.symptomManagement.some((line) => !blank(line)),
  'planned-interventions': (plan) => plan.interventions.length > 0,
  'medication-management': (plan) => !blank(plan.medicationManagement?.summary),
  'community-services': (plan) =>
    plan.communityServices !== undefined &&
    (plan.communityServices.status === 'none-needed' || plan.communityServices.services.length > 0),
  coordination: (plan) =>
    plan.coordination !== undefined &&
    (plan.coordination.status === 'none-needed' || plan.coordination.providers.length > 0),
  'periodic-review': (plan) => plan.reviewDate !== undefined,
};

/** Required elements the plan lacks, in {@link CARE_PLAN_ELEMENTS} order; empty when complete. */
export const missingElements = (plan: CarePlan): CarePlanElement[] =>
  CARE_PLAN_ELEMENTS.filter((element) => !presence[element](plan));

/** An empty draft to fill in, e.g. from condition templates. */
export const emptyCarePlan = (): CarePlan => ({
  problems: [],
  goals: [],
  symptomManagement: [],
  interventions: [],
});
