import { createWebhookRoute } from '@carelink/contracts/api/intake/webhooks';
import { created, httpHandler } from '@carelink/lambda-kit';
import { webhookResource } from '../app/views';
import { runtime, webhooks } from '../runtime';

export const handler = httpHandler(runtime, createWebhookRoute, async ({ body, principal }) => {
  const { subscription, commit } = await webhooks.subscribe(principal.partnerId, body);
  return created(
    `/v1/webhooks/${subscription.id}`,
    { ...webhookResource(subscription), secret: subscription.secret },
    commit,
  );
});
