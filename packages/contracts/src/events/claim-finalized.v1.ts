import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { Ulid, YearMonth } from '../primitives';

export const ClaimFinalizedData = z.object({
  runId: Ulid,
  patientId: Ulid,
  practiceId: z.string(),
  month: YearMonth,
  /** The active claim lines of the patient-month: codes and units only. */
  lines: z
    .array(z.object({ code: z.string().check(z.regex(/^[0-9A-Z]{5}$/)), units: z.int().check(z.gte(1)) }))
    .check(z.minLength(1), z.maxLength(20)),
});

export const ClaimFinalizedV1 = defineEvent({
  source: 'carelink.billing',
  detailType: 'ClaimFinalized',
  version: 1,
  description:
    "A patient-month's claim lines as the billing lead finalised the month's run (one event per billed patient-month, sent while the run is finalised).",
  data: ClaimFinalizedData,
  example: {
    runId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8N',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    practiceId: 'practice-boston',
    month: '2026-10',
    lines: [
      { code: '99490', units: 1 },
      { code: '99439', units: 1 },
    ],
  },
});
