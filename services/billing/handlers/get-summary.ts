import { getSummaryRoute } from '@carelink/contracts/api/billing';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { staffScope } from '../app/staff-scope';
import { billing, runtime } from '../runtime';

export const handler = httpHandler(runtime, getSummaryRoute, async ({ params, principal }) =>
  ok(await billing.queries.summary(staffScope(principal), params.runId)),
);
