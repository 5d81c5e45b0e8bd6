import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { Ulid, YearMonth } from '../primitives';

export const BillingRunRequestedData = z.object({
  runId: Ulid,
  practiceId: z.string(),
  month: YearMonth,
  /** The attempt to execute: a request for an attempt that has completed or moved on is dropped. */
  attempt: z.int().check(z.gte(1)),
});

export const BillingRunRequestedV1 = defineEvent({
  source: 'carelink.billing',
  detailType: 'BillingRunRequested',
  version: 1,
  description:
    'A billing run attempt was asked for (by the billing lead, the monthly schedule or the command line); billing executes it in the background. Ids only.',
  data: BillingRunRequestedData,
  example: {
    runId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8N',
    practiceId: 'practice-boston',
    month: '2026-10',
    attempt: 1,
  },
});
