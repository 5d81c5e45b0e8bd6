import { listRunsRoute } from '@carelink/contracts/api/billing';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { staffScope } from '../app/staff-scope';
import { runView } from '../app/views';
import { billing, runtime } from '../runtime';

export const handler = httpHandler(runtime, listRunsRoute, async ({ query, principal }) =>
  ok({ items: (await billing.queries.runsOfMonth(staffScope(principal), query.month)).map(runView) }),
);
