import * as z from 'zod/mini';
import { withMeta } from '../../meta';
import { YearMonth } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { PracticeId, RunId, runParams, tag } from './shared';

export const StartRunBody = withMeta(z.strictObject({ practiceId: PracticeId, month: YearMonth }), {
  id: 'StartBillingRun',
  example: { practiceId: 'practice-boston', month: '2026-10' },
});

const Difference = z.object({ added: z.int(), changed: z.int(), superseded: z.int() });

export const BillingRunResource = withMeta(
  z.object({
    runId: RunId,
    practiceId: PracticeId,
    month: YearMonth,
    status: z.enum(['running', 'completed', 'finalized']),
    attempt: z.int().check(z.gte(1)),
    trigger: z.enum(['api', 'schedule', 'cli']),
    startedAt: z.string(),
    completedAt: z.nullable(z.string()),
    finalizedAt: z.nullable(z.string()),
    processedPatientMonths: z.int(),
    totals: z.nullable(
      z.object({
        patientMonths: z.int(),
        billedPatients: z.int(),
        claimLines: z.int(),
        expectedRevenue: z.string(),
      }),
    ),
    lastDifference: z.nullable(Difference),
  }),
  {
    id: 'BillingRun',
    example: {
      runId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8N',
      practiceId: 'practice-boston',
      month: '2026-10',
      status: 'completed',
      attempt: 1,
      trigger: 'api',
      startedAt: '2026-11-01T07:00:00.000Z',
      completedAt: '2026-11-01T07:00:04.000Z',
      finalizedAt: null,
      processedPatientMonths: 120,
      totals: { patientMonths: 120, billedPatients: 80, claimLines: 87, expectedRevenue: '6123.45' },
      lastDifference: { added: 87, changed: 0, superseded: 0 },
    },
  },
);

export const startRunRoute = defineRoute({
  operationId: 'startBillingRun',
  method: 'POST',
  path: '/v1/billing/runs',
  summary: 'Run (or re-run) billing for a practice-month',
  description:
    'One run per practice and month. The first call creates the run and later calls start its next ' +
    'attempt, re-deciding an unfinalised month and recording only the difference; either way the ' +
    'answer is 202 with the run still `running`, and the run completes in the background (poll ' +
    '`Location` until its status is `completed`). A call while an attempt is running returns it as it ' +
    'is (200). A finalised month answers 409.',
  tag,
  scopes: [scopes.billingWrite],
  idempotent: true,
  body: StartRunBody,
  responses: {
    200: { description: 'An attempt of the run is already running', schema: BillingRunResource },
    202: {
      description: 'The run (or its next attempt) was accepted and is running',
      schema: BillingRunResource,
    },
    404: { description: 'Unknown practice' },
    409: { description: 'The month is finalised' },
  },
});

export const listRunsRoute = defineRoute({
  operationId: 'listBillingRuns',
  method: 'GET',
  path: '/v1/billing/runs',
  summary: "The caller's practice's run of a month, if there is one",
  description: 'One run per practice and month: the list holds it, or nothing before the month was run.',
  tag,
  scopes: [scopes.billingRead],
  query: z.strictObject({ month: YearMonth }),
  responses: {
    200: {
      description: 'The run of the month (none or one)',
      schema: withMeta(z.object({ items: z.array(BillingRunResource) }), { id: 'BillingRunPage' }),
    },
  },
});

export const getRunRoute = defineRoute({
  operationId: 'getBillingRun',
  method: 'GET',
  path: '/v1/billing/runs/{runId}',
  summary: 'Read a billing run',
  tag,
  scopes: [scopes.billingRead],
  params: runParams,
  responses: {
    200: { description: 'The run', schema: BillingRunResource },
    404: { description: 'No such run' },
  },
});

export const finalizeRunRoute = defineRoute({
  operationId: 'finalizeBillingRun',
  method: 'POST',
  path: '/v1/billing/runs/{runId}/finalize',
  summary: 'Freeze a completed run; it cannot change afterwards',
  tag,
  scopes: [scopes.billingWrite],
  idempotent: true,
  params: runParams,
  responses: {
    200: { description: 'The finalised run', schema: BillingRunResource },
    404: { description: 'No such run' },
    409: { description: 'The run is still running' },
  },
});
