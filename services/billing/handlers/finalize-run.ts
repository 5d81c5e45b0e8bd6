import { finalizeRunRoute } from '@carelink/contracts/api/billing';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { RunInProgressError } from '../app/errors';
import { staffScope } from '../app/staff-scope';
import { runView } from '../app/views';
import { billing, runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  finalizeRunRoute,
  async ({ params, principal, correlationId }) => {
    const scope = staffScope(principal);
    const run = await billing.queries.runFor(scope, params.runId);
    const result = await billing.billingRuns.finalize(scope.tenantId, run.runId, correlationId);
    if ('blocked' in result) throw new RunInProgressError(run.runId);
    return ok(runView(result.run));
  },
);
