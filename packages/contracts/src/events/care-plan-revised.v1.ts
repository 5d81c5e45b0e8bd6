import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { Icd10CmCode, IsoDate, IsoInstant, Program, Ulid } from '../primitives';
import { PlannedIntervention } from './care-plan-established.v1';

/** The parts of a care plan, in the order a plan lists them. */
export const CarePlanSectionName = z.enum([
  'problems',
  'expectedOutcome',
  'prognosis',
  'goals',
  'symptomManagement',
  'interventions',
  'medicationManagement',
  'communityServices',
  'coordination',
  'reviewDate',
]);
export type CarePlanSectionName = z.infer<typeof CarePlanSectionName>;

export const CarePlanRevisedData = z.object({
  carePlanId: Ulid,
  caseId: Ulid,
  patientId: Ulid,
  practiceId: z.string(),
  program: Program,
  version: z.int().check(z.gte(2)),
  revisedAt: IsoInstant,
  substantial: z.boolean(),
  reviewDate: IsoDate,
  interventions: z.array(PlannedIntervention),
  /** ICD-10-CM codes of the plan's problem list (codes only, no descriptions): claims carry them. */
  problemCodes: z.optional(z.array(Icd10CmCode).check(z.maxLength(50))),
  /** The parts of the plan this version changed (names only, never their text), for the timeline. */
  changedSections: z.optional(z.array(CarePlanSectionName).check(z.maxLength(10))),
});

export const CarePlanRevisedV1 = defineEvent({
  source: 'carelink.care-planning',
  detailType: 'CarePlanRevised',
  version: 1,
  description: 'A new immutable version of a care plan; substantial revisions are flagged for billing.',
  data: CarePlanRevisedData,
  example: {
    carePlanId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8G',
    caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    practiceId: 'practice-boston',
    program: 'ccm',
    version: 2,
    revisedAt: '2026-10-20T15:00:00Z',
    substantial: true,
    reviewDate: '2027-01-05',
    interventions: [
      { interventionId: 'edu-1', kind: 'education', responsible: 'primary', cadence: 'monthly' },
    ],
    changedSections: ['goals', 'interventions'],
  },
});
