import { getSummaryRoute } from '@carelink/contracts/api/billing/summary';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { staffScope } from '../app/staff-scope';
import { queries, runtime } from '../runtime';

export const handler = httpHandler(runtime, getSummaryRoute, async ({ params, principal }) =>
  ok(await queries.summary(staffScope(principal), params.runId)),
);
