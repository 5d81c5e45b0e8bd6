import { getRunRoute } from '@carelink/contracts/api/billing';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { staffScope } from '../app/staff-scope';
import { runView } from '../app/views';
import { billing, runtime } from '../runtime';

export const handler = httpHandler(runtime, getRunRoute, async ({ params, principal }) =>
  ok(runView(await billing.queries.runFor(staffScope(principal), params.runId))),
);
