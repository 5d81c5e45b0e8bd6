import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { IsoInstant, Ulid } from '../primitives';
import { ReasonCode } from './shared';

export const RiskFlaggedData = z.object({
  flagId: Ulid,
  patientId: Ulid,
  caseId: z.optional(Ulid),
  practiceId: z.string(),
  kind: z.enum(['self-harm-risk', 'vital-sign', 'readmission-risk', 'social-need', 'contact-failure']),
  severity: z.enum(['urgent', 'high']),
  code: ReasonCode,
  observedAt: IsoInstant,
});

export const RiskFlaggedV1 = defineEvent({
  source: 'carelink.outreach',
  detailType: 'RiskFlagged',
  version: 1,
  description: 'A screening, vital sign or contact pattern needs the primary case manager now.',
  data: RiskFlaggedData,
  example: {
    flagId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8M',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    practiceId: 'practice-boston',
    kind: 'vital-sign',
    severity: 'urgent',
    code: 'SYSTOLIC_ABOVE_180',
    observedAt: '2026-10-11T09:00:00Z',
  },
});
