import { resolveEscalationRoute } from '@carelink/contracts/api/outreach/alerts';
import { httpHandler } from '@carelink/lambda-kit';
import { escalationView, stepEscalation } from '../app/alerts';
import { now, runtime, stores } from '../runtime';

export const handler = httpHandler(runtime, resolveEscalationRoute, async ({ params, body, principal }) => {
  const { escalation, commit } = await stepEscalation(
    stores,
    principal,
    params,
    { step: 'resolve', ...body },
    now(),
  );
  return { status: 200, body: escalationView(escalation), commit };
});
