import { getWorklistRoute } from '@carelink/contracts/api/billing/worklist';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { staffScope } from '../app/staff-scope';
import { runtime, worklist } from '../runtime';

export const handler = httpHandler(runtime, getWorklistRoute, async ({ query, principal }) =>
  ok(await worklist(staffScope(principal), query.month)),
);
