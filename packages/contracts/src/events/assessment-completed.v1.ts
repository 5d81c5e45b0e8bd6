import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { IsoInstant, Program, Ulid } from '../primitives';

export const AssessmentCompletedData = z.object({
  assessmentId: z.string().check(z.minLength(1), z.maxLength(64)),
  caseId: Ulid,
  patientId: Ulid,
  practiceId: z.string(),
  program: Program,
  begunAt: IsoInstant,
  completedAt: IsoInstant,
  completedBy: z.string(),
});

export const AssessmentCompletedV1 = defineEvent({
  source: 'carelink.care-planning',
  detailType: 'AssessmentCompleted',
  version: 1,
  description:
    'The comprehensive assessment of a case was completed (all seven sections recorded); the answers stay with care-planning.',
  data: AssessmentCompletedData,
  example: {
    assessmentId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8H',
    caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    practiceId: 'practice-boston',
    program: 'ccm',
    begunAt: '2026-10-02T15:00:00Z',
    completedAt: '2026-10-04T16:30:00Z',
    completedBy: 'staff-cm-1',
  },
});
