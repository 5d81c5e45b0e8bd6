import * as z from 'zod/mini';
import { withMeta } from '../../meta';
import { YearMonth } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { PracticeId, RunId, runParams, tag } from './shared';

export const BillingSummaryResource = withMeta(
  z.object({
    runId: RunId,
    practiceId: PracticeId,
    month: YearMonth,
    status: z.string(),
    patients: z.int(),
    billedPatients: z.int(),
    codes: z.array(z.object({ code: z.string(), patients: z.int(), units: z.int() })),
    expectedRevenue: z.string(),
    fees: withMeta(
      z.object({
        year: z.int(),
        locality: withMeta(z.nullable(z.string()), {
          description: 'The practice locality; null prices nationally',
        }),
        facility: z.boolean(),
      }),
      {
        description: 'What the expected revenue is priced with: the CMS fee schedule of the locality',
      },
    ),
    notBilled: z.array(z.object({ reason: z.string(), patientIds: z.array(z.string()) })),
  }),
  {
    id: 'BillingSummary',
    example: {
      runId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8N',
      practiceId: 'practice-boston',
      month: '2026-10',
      status: 'completed',
      patients: 2,
      billedPatients: 1,
      codes: [
        { code: '99439', patients: 1, units: 1 },
        { code: '99490', patients: 1, units: 1 },
      ],
      expectedRevenue: '131.57',
      fees: { year: 2026, locality: '14212-01 METROPOLITAN BOSTON', facility: false },
      notBilled: [{ reason: 'NO_CONSENT', patientIds: ['01JD3Y7T5V0M3Q8W9X2Z4A6B8E'] }],
    },
  },
);

export const getSummaryRoute = defineRoute({
  operationId: 'getBillingSummary',
  method: 'GET',
  path: '/v1/billing/runs/{runId}/summary',
  summary: 'Counts per code, expected revenue and the patients not billed by reason',
  tag,
  scopes: [scopes.billingRead],
  params: runParams,
  responses: {
    200: { description: 'The summary', schema: BillingSummaryResource },
    404: { description: 'No such run' },
  },
});
