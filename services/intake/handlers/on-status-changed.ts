import { ReferralStatusChangedV1 } from '@carelink/contracts';
import { eventConsumer, type StateWrite } from '@carelink/lambda-kit';
import { afterAttempt, webhookPayload } from '../domain/webhook-delivery';
import { random, runtime, webhookSender, webhooks } from '../runtime';
import type { WebhookDelivery } from '../store/webhook-store';
import { sendAttempt } from '../webhook-dispatch';

/**
 * Fans a status change out to the tenant's webhook subscriptions: records one delivery per
 * subscription and makes its first attempt at once; failures are retried by the schedule.
 */
export const handler = eventConsumer(runtime, {
  name: 'webhook-fan-out',
  contracts: [ReferralStatusChangedV1],
  handle: async ({ detail }) => {
    const { metadata, data } = detail;
    const subscriptions = (await webhooks.list(metadata.tenantId)).filter(
      (s) => s.status === 'active' && s.events.includes('ReferralStatusChanged'),
    );
    if (subscriptions.length === 0) return undefined;
    const writes: StateWrite[] = await Promise.all(
      subscriptions.map(async (subscription) => {
        const createdAt = runtime.clock().toISOString();
        const pending = {
          id: metadata.eventId,
          tenantId: metadata.tenantId,
          webhookId: subscription.id,
          eventId: metadata.eventId,
          eventType: 'ReferralStatusChanged' as const,
          referralId: data.referralId,
          body: webhookPayload({ deliveryId: metadata.eventId, occurredAt: metadata.occurredAt, data }),
          createdAt,
        };
        const attempt = await sendAttempt(webhookSender, subscription, pending, runtime.clock());
        const next = afterAttempt({ createdAt, attempts: [attempt], now: runtime.clock(), random: random() });
        const delivery: WebhookDelivery = {
          ...pending,
          status: next.status,
          attempts: [attempt],
          attemptCount: 1,
          ...(next.nextAttemptAt ? { nextAttemptAt: next.nextAttemptAt } : {}),
        };
        runtime.logger.info('webhook attempted', {
          webhookId: subscription.id,
          deliveryId: delivery.id,
          referralId: data.referralId,
          outcome: attempt.outcome,
          statusCode: attempt.statusCode,
        });
        return webhooks.createDelivery(delivery);
      }),
    );
    return { writes, events: [] };
  },
});
