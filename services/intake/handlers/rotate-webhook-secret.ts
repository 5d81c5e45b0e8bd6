import { rotateWebhookSecretRoute } from '@carelink/contracts/api/intake/webhooks';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { runtime, webhooks } from '../runtime';

export const handler = httpHandler(runtime, rotateWebhookSecretRoute, async ({ params, body, principal }) => {
  const { rotated, commit } = await webhooks.rotateSecret(
    principal.partnerId,
    params.webhookId,
    body.overlapHours,
  );
  return { ...ok(rotated), commit };
});
