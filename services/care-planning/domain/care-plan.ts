import { InterventionKind } from '@carelink/contracts';
import * as z from 'zod';
import { IsoDateSchema, ItemIdSchema, parseOrThrow, TextSchema } from './primitives';
import { SecondaryServiceSchema } from './roster';

/** Who answers for a goal or intervention: the primary, or the secondary delivering a service. */
export const ResponsiblePartySchema = z.enum(['primary', ...SecondaryServiceSchema.options]);
/** Who answers for a goal or intervention. */
export type ResponsibleParty = z.infer<typeof ResponsiblePartySchema>;

/** A problem on the plan's problem list. */
export const ProblemSchema = z
  .object({
    id: ItemIdSchema,
    description: TextSchema,
    /** ICD-10-CM code written with its dot, e.g. `E11.9`. */
    icd10: z
      .string()
      .regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/)
      .optional(),
  })
  .strict();
/** A problem on the problem list. */
export type Problem = z.infer<typeof ProblemSchema>;

/** How a goal is measured: a metric, a comparison and a target value in a UCUM unit. */
export const GoalMeasureSchema = z
  .object({
    metric: TextSchema,
    /** LOINC code of the observation, when one exists. */
    loinc: z
      .string()
      .regex(/^[0-9]{1,7}-[0-9]$/)
      .optional(),
    comparator: z.enum(['<', '<=', '=', '>=', '>']),
    value: z.number().finite(),
    /** UCUM code, e.g. `%`, `mm[Hg]`, `{score}`. */
    unit: z.string().min(1),
  })
  .strict();
/** How a goal is measured. */
export type GoalMeasure = z.infer<typeof GoalMeasureSchema>;

/** A treatment goal. `measures` and `targetDate` may be filled in while drafting. */
export const GoalSchema = z
  .object({
    id: ItemIdSchema,
    description: TextSchema,
    owner: ResponsiblePartySchema,
    problemIds: z.array(ItemIdSchema),
    measures: z.array(GoalMeasureSchema),
    targetDate: IsoDateSchema.optional(),
  })
  .strict();
/** A treatment goal. */
export type Goal = z.infer<typeof GoalSchema>;

/** Kind of planned intervention. */
export type { InterventionKind };

/** How often a recurring intervention happens. */
export const CadenceSchema = z
  .object({ every: z.number().int().positive(), unit: z.enum(['day', 'week', 'month']) })
  .strict();
/** How often a recurring intervention happens. */
export type Cadence = z.infer<typeof CadenceSchema>;

/** A planned intervention with the party responsible for it. */
export const InterventionSchema = z
  .object({
    id: ItemIdSchema,
    description: TextSchema,
    kind: InterventionKind,
    responsible: ResponsiblePartySchema,
    cadence: CadenceSchema.optional(),
    goalIds: z.array(ItemIdSchema).optional(),
  })
  .strict();
/** A planned intervention. */
export type Intervention = z.infer<typeof InterventionSchema>;

/** Medication reconciliation and the adherence and self-management plan. */
export const MedicationManagementSchema = z
  .object({ summary: TextSchema, reconciledOn: IsoDateSchema.optional() })
  .strict();
/** Medication management. */
export type MedicationManagement = z.infer<typeof MedicationManagementSchema>;

/** A community or social service ordered for the patient. */
export const CommunityServiceSchema = z
  .object({
    id: ItemIdSchema,
    description: TextSchema,
    organization: TextSchema.optional(),
    responsible: ResponsiblePartySchema,
  })
  .strict();
/** A community or social service ordered for the patient. */
export type CommunityService = z.infer<typeof CommunityServiceSchema>;

/**
 * Community and social services. "None needed" is an explicit, recorded decision rather than
 * an empty list, so an unaddressed element is never mistaken for a considered one.
 */
export const CommunityServicesSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('none-needed') }).strict(),
  z.object({ status: z.literal('ordered'), services: z.array(CommunityServiceSchema) }).strict(),
]);
/** Community and social services. */
export type CommunityServices = z.infer<typeof CommunityServicesSchema>;

/** An outside provider and how the practice directs and coordinates their services. */
export const OutsideProviderSchema = z
  .object({
    id: ItemIdSchema,
    /** Specialty or agency type, e.g. `cardiology`, `home health`. */
    providerType: TextSchema,
    organization: TextSchema.optional(),
    arrangement: TextSchema,
  })
  .strict();
/** An outside provider and the coordination arrangement. */
export type OutsideProvider = z.infer<typeof OutsideProviderSchema>;

/** Coordination with providers outside the practice; "none needed" is explicit for the same reason. */
export const CoordinationSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('none-needed') }).strict(),
  z.object({ status: z.literal('coordinating'), providers: z.array(OutsideProviderSchema) }).strict(),
]);
/** Coordination with outside providers. */
export type Coordination = z.infer<typeof CoordinationSchema>;

const duplicates = (ids: readonly string[]): string[] => ids.filter((id, index) => ids.indexOf(id) !== index);

/**
 * Care plan content. Elements are optional or may be empty so a draft can be saved;
 * {@link missingElements} decides whether it is complete enough to establish.
 * Item ids must be unique per list and cross-references must resolve.
 */
export const CarePlanSchema = z
  .object({
    problems: z.array(ProblemSchema),
    expectedOutcome: TextSchema.optional(),
    prognosis: TextSchema.optional(),
    goals: z.array(GoalSchema),
    symptomManagement: z.array(TextSchema),
    interventions: z.array(InterventionSchema),
    medicationManagement: MedicationManagementSchema.optional(),
    communityServices: CommunityServicesSchema.optional(),
    coordination: CoordinationSchema.optional(),
    /** Date of the next scheduled periodic review. */
    reviewDate: IsoDateSchema.optional(),
  })
  .strict()
  .superRefine((plan, ctx) => {
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
  });
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
