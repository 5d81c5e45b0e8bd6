import { getRunRoute } from '@carelink/contracts/api/billing/runs';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { staffScope } from '../app/staff-scope';
import { runView } from '../app/views';
import { queries, runtime } from '../runtime';

export const handler = httpHandler(runtime, getRunRoute, async ({ params, principal }) =>
  ok(runView(await queries.runFor(staffScope(principal), params.runId))),
);
