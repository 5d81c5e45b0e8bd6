import { finalizeRunRoute } from '@carelink/contracts/api/billing/runs';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { RunInProgressError } from '../app/errors';
import { staffScope } from '../app/staff-scope';
import { runView } from '../app/views';
import { runFinalizer, runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  finalizeRunRoute,
  async ({ params, principal, correlationId }) => {
    const result = await runFinalizer.finalize(staffScope(principal), params.runId, correlationId);
    if ('blocked' in result) throw new RunInProgressError(params.runId);
    return ok(runView(result.run));
  },
);
