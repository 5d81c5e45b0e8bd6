import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { Ulid, YearMonth } from '../primitives';

export const BillingRunCompletedData = z.object({
  runId: Ulid,
  practiceId: z.string(),
  month: YearMonth,
  patientMonths: z.int().check(z.gte(0)),
  claimLines: z.int().check(z.gte(0)),
  expectedRevenue: z.string(),
  attempt: z.int().check(z.gte(1)),
  /** What this attempt changed compared with the previous one (every line is new on attempt 1). */
  difference: z.optional(
    z.object({
      added: z.int().check(z.gte(0)),
      changed: z.int().check(z.gte(0)),
      superseded: z.int().check(z.gte(0)),
    }),
  ),
});

export const BillingRunCompletedV1 = defineEvent({
  source: 'carelink.billing',
  detailType: 'BillingRunCompleted',
  version: 1,
  description: 'A monthly billing run finished (or a re-run added its difference).',
  data: BillingRunCompletedData,
  example: {
    runId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8N',
    practiceId: 'practice-boston',
    month: '2026-10',
    patientMonths: 120,
    claimLines: 87,
    expectedRevenue: '6123.45',
    attempt: 1,
    difference: { added: 87, changed: 0, superseded: 0 },
  },
});
