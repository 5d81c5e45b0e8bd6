import { createWebhookRoute } from '@carelink/contracts/api/intake';
import { created, httpHandler } from '@carelink/lambda-kit';
import { newWebhookSecret } from '../adapters/secrets';
import { TooManyWebhooksError } from '../domain/errors';
import { mapIntakeError } from '../http-errors';
import { webhookResource } from '../presenters';
import { runtime, webhooks } from '../runtime';
import type { WebhookSubscription } from '../store/webhook-store';

/** Each active subscription is called for every status change; keep fan-out per event bounded. */
const MAX_SUBSCRIPTIONS = 10;

export const handler = httpHandler(
  runtime,
  createWebhookRoute,
  async ({ body, principal }) => {
    if ((await webhooks.list(principal.tenantId)).length >= MAX_SUBSCRIPTIONS)
      throw new TooManyWebhooksError(`A tenant may have at most ${MAX_SUBSCRIPTIONS} webhook subscriptions`);
    const subscription: WebhookSubscription = {
      id: runtime.newId(),
      tenantId: principal.tenantId,
      url: body.url,
      events: body.events,
      status: 'active',
      secret: newWebhookSecret(),
      createdAt: runtime.clock().toISOString(),
    };
    runtime.logger.info('webhook subscribed', { webhookId: subscription.id });
    return created(
      `/v1/webhooks/${subscription.id}`,
      { ...webhookResource(subscription), secret: subscription.secret },
      { writes: [webhooks.create(subscription)], events: [] },
    );
  },
  { mapError: mapIntakeError },
);
