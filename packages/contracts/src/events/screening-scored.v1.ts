import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { IsoInstant, Ulid } from '../primitives';

/** Scores and bands only: the answers stay in outreach's table. */
export const ScreeningScoredData = z.object({
  screeningId: Ulid,
  patientId: Ulid,
  caseId: z.optional(Ulid),
  practiceId: z.string(),
  instrument: z.enum(['phq-9', 'gad-7', 'hrsn']),
  score: z.int().check(z.gte(0)),
  band: z.string(),
  positiveDomains: z.optional(z.array(z.string())),
  scoredAt: IsoInstant,
});

export const ScreeningScoredV1 = defineEvent({
  source: 'carelink.outreach',
  detailType: 'ScreeningScored',
  version: 1,
  description: 'A screening instrument was scored.',
  data: ScreeningScoredData,
  example: {
    screeningId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8K',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    practiceId: 'practice-boston',
    instrument: 'phq-9',
    score: 7,
    band: 'mild',
    scoredAt: '2026-10-10T15:20:00Z',
  },
});
