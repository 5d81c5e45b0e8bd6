import type { WebhookSender } from './adapters/webhook-sender';
import { type DeliveryAttempt, signatureHeader } from './domain/webhook-delivery';
import type { WebhookDelivery, WebhookSubscription } from './store/webhook-store';

/** Signs and sends one attempt of a delivery; the secret is used here and nowhere else. */
export async function sendAttempt(
  sender: WebhookSender,
  subscription: WebhookSubscription,
  delivery: Pick<WebhookDelivery, 'id' | 'body' | 'eventType'>,
  now: Date,
): Promise<DeliveryAttempt> {
  const result = await sender.send({
    url: subscription.url,
    body: delivery.body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Carelink-Webhooks/1',
      'carelink-delivery-id': delivery.id,
      'carelink-event-type': delivery.eventType,
      'carelink-signature': signatureHeader(subscription.secret, delivery.body, now),
    },
  });
  return { at: now.toISOString(), ...result };
}
