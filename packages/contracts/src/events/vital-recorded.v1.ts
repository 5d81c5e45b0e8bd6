import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { IsoInstant, Ulid } from '../primitives';
import { ReasonCode } from './shared';

export const VitalType = z.enum(['blood-pressure', 'glucose', 'body-weight', 'spo2', 'heart-rate']);
export type VitalType = z.infer<typeof VitalType>;

/**
 * The reading itself is clinical data: only the timeline subscribes, so the care team sees each
 * reading against the patient's thresholds; flags go to the worklist as `RiskFlagged`.
 */
export const VitalRecordedData = z.object({
  observationId: Ulid,
  patientId: Ulid,
  caseId: z.optional(Ulid),
  practiceId: z.string(),
  type: VitalType,
  /** The reading in `unit`; the systolic pressure for blood pressure. */
  value: z.number(),
  diastolic: z.optional(z.number()),
  unit: z.string().check(z.minLength(1), z.maxLength(16)),
  observedAt: IsoInstant,
  /** The thresholds the reading crossed, as the risk flags it raised name them; empty when within. */
  flagCodes: z.array(ReasonCode).check(z.maxLength(10)),
});

export const VitalRecordedV1 = defineEvent({
  source: 'carelink.outreach',
  detailType: 'VitalRecorded',
  version: 1,
  description: 'A vital sign was recorded and checked against the patient’s thresholds.',
  data: VitalRecordedData,
  example: {
    observationId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8R',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    practiceId: 'practice-boston',
    type: 'blood-pressure',
    value: 142,
    diastolic: 88,
    unit: 'mm[Hg]',
    observedAt: '2026-10-11T09:00:00Z',
    flagCodes: [],
  },
});
