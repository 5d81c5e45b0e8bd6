import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { IsoInstant, Ulid } from '../primitives';

export const AssessmentOverdueData = z.object({
  caseId: Ulid,
  patientId: Ulid,
  practiceId: z.string(),
  primaryStaffId: z.string(),
  milestone: z.enum(['begin', 'complete']),
  dueAt: IsoInstant,
});

export const AssessmentOverdueV1 = defineEvent({
  source: 'carelink.care-planning',
  detailType: 'AssessmentOverdue',
  version: 1,
  description: 'The comprehensive assessment missed its 30-day start or 60-day completion deadline.',
  data: AssessmentOverdueData,
  example: {
    caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    practiceId: 'practice-boston',
    primaryStaffId: 'staff-cm-1',
    milestone: 'begin',
    dueAt: '2026-10-31T12:00:00Z',
  },
});
