import { listRunsRoute } from '@carelink/contracts/api/billing/runs';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { staffScope } from '../app/staff-scope';
import { runView } from '../app/views';
import { queries, runtime } from '../runtime';

export const handler = httpHandler(runtime, listRunsRoute, async ({ query, principal }) =>
  ok({ items: (await queries.runsOfMonth(staffScope(principal), query.month)).map(runView) }),
);
