import { getWorklistRoute } from '@carelink/contracts/api/billing';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { staffScope } from '../app/staff-scope';
import { billing, runtime } from '../runtime';

export const handler = httpHandler(runtime, getWorklistRoute, async ({ query, principal }) =>
  ok(await billing.queries.worklist(staffScope(principal), query.month)),
);
