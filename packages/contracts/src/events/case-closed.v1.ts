import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { Program, Ulid } from '../primitives';
import { CaseCloseReason } from './shared';

export const CaseClosedData = z.object({
  caseId: Ulid,
  patientId: Ulid,
  referralId: Ulid,
  practiceId: z.string(),
  program: Program,
  reason: CaseCloseReason,
});

export const CaseClosedV1 = defineEvent({
  source: 'carelink.care-planning',
  detailType: 'CaseClosed',
  version: 1,
  description: 'A case was closed with a coded reason.',
  data: CaseClosedData,
  example: {
    caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    referralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
    practiceId: 'practice-boston',
    program: 'ccm',
    reason: 'goals-met',
  },
});
