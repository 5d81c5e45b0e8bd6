import { createWebhookRoute } from '@carelink/contracts/api/intake';
import { created, httpHandler } from '@carelink/lambda-kit';
import { webhookResource } from '../app/views';
import { intake } from '../runtime';

export const handler = httpHandler(intake.runtime, createWebhookRoute, async ({ body, principal }) => {
  const { subscription, commit } = await intake.webhooks.subscribe(principal.partnerId, body);
  return created(
    `/v1/webhooks/${subscription.id}`,
    { ...webhookResource(subscription), secret: subscription.secret },
    commit,
  );
});
