import { NotFoundError } from '@carelink/contracts';
import { startRunRoute } from '@carelink/contracts/api/billing/runs';
import { httpHandler } from '@carelink/lambda-kit';
import { staffScope } from '../app/staff-scope';
import { runView } from '../app/views';
import { runRequests, runtime } from '../runtime';

export const handler = httpHandler(runtime, startRunRoute, async ({ body, principal, correlationId }) => {
  const scope = staffScope(principal);
  // Staff bill their own practice only; another practice is not found.
  if (body.practiceId !== scope.practiceId) throw new NotFoundError('Practice');
  const { run, requested } = await runRequests.request({
    tenantId: scope.tenantId,
    practiceId: body.practiceId,
    month: body.month,
    trigger: 'api',
    correlationId,
  });
  const location = `/v1/billing/runs/${run.runId}`;
  return { status: requested ? 202 : 200, body: runView(run), headers: { location } };
});
