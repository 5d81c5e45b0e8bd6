import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { Icd10CmCode, IsoDate, IsoInstant, Program, Ulid } from '../primitives';
import { InterventionKind, SecondaryService } from './shared';

/** Intervention facts outreach needs to schedule tasks: kinds and cadence, never clinical text. */
export const PlannedIntervention = z.object({
  interventionId: z.string(),
  kind: InterventionKind,
  responsible: z.union([z.literal('primary'), SecondaryService]),
  dueDate: z.optional(IsoDate),
  cadence: z.optional(z.enum(['once', 'weekly', 'monthly', 'quarterly'])),
  /** The exact recurrence when it is not one of the named cadences, e.g. every 12 months. */
  interval: z.optional(z.object({ every: z.int().check(z.gte(1)), unit: z.enum(['day', 'week', 'month']) })),
});

export const CarePlanEstablishedData = z.object({
  carePlanId: Ulid,
  caseId: Ulid,
  patientId: Ulid,
  practiceId: z.string(),
  program: Program,
  version: z.int().check(z.gte(1)),
  establishedAt: IsoInstant,
  reviewDate: IsoDate,
  interventions: z.array(PlannedIntervention),
  /** ICD-10-CM codes of the plan's problem list (codes only, no descriptions): claims carry them. */
  problemCodes: z.optional(z.array(Icd10CmCode).check(z.maxLength(50))),
});

export const CarePlanEstablishedV1 = defineEvent({
  source: 'carelink.care-planning',
  detailType: 'CarePlanEstablished',
  version: 1,
  description: 'A comprehensive care plan with every required element was established.',
  data: CarePlanEstablishedData,
  example: {
    carePlanId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8G',
    caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    practiceId: 'practice-boston',
    program: 'ccm',
    version: 1,
    establishedAt: '2026-10-05T15:00:00Z',
    reviewDate: '2027-01-05',
    interventions: [
      { interventionId: 'refill-1', kind: 'medication-refill', responsible: 'pharmacy', cadence: 'monthly' },
    ],
  },
});
