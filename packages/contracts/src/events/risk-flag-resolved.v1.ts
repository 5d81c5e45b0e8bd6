import * as z from 'zod/mini';
import { StaffId } from '../directory/staff-vocabulary';
import { defineEvent } from '../event-contract';
import { AlertResolution } from '../outreach-vocabulary';
import { IsoInstant, Ulid } from '../primitives';
import { ReasonCode } from './shared';

export const RiskFlagResolvedData = z.object({
  flagId: Ulid,
  patientId: Ulid,
  caseId: z.optional(Ulid),
  practiceId: z.string(),
  code: ReasonCode,
  resolution: AlertResolution,
  resolvedBy: StaffId,
  resolvedAt: IsoInstant,
});

export const RiskFlagResolvedV1 = defineEvent({
  source: 'carelink.outreach',
  detailType: 'RiskFlagResolved',
  version: 1,
  description:
    'A risk flag was resolved by a named person, with a resolution code; the note stays in outreach.',
  data: RiskFlagResolvedData,
  example: {
    flagId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8M',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
    practiceId: 'practice-boston',
    code: 'PHQ9_ITEM9_POSITIVE',
    resolution: 'clinically-addressed',
    resolvedBy: 'staff-boston-care-manager',
    resolvedAt: '2026-10-11T10:30:00Z',
  },
});
