import { scheduledHandler } from '@carelink/lambda-kit';
import { tenants } from '@carelink/tenancy';
import { afterAttempt } from '../domain/webhook-delivery';
import { random, runtime, webhookSender, webhooks } from '../runtime';
import type { WebhookDelivery } from '../store/webhook-store';
import { sendAttempt } from '../webhook-dispatch';

const BATCH_PER_TENANT = 25;
/** Longer than one attempt (5 s timeout), so a claimed delivery is not sent twice. */
const LEASE_MS = 2 * 60_000;

/** Retries due webhook deliveries of every tenant; a delivery never blocks the event queue. */
export const handler = scheduledHandler(runtime, 'webhook-retries', async ({ scheduledTime }) => {
  let attempted = 0;
  let succeeded = 0;
  for (const { tenantId } of tenants) {
    const due = await webhooks.due(tenantId, scheduledTime, BATCH_PER_TENANT);
    const results = await Promise.all(due.map((delivery) => retry(delivery)));
    attempted += results.filter((r) => r !== 'skipped').length;
    succeeded += results.filter((r) => r === 'succeeded').length;
  }
  return { attempted, succeeded };
});

async function retry(seen: WebhookDelivery): Promise<'skipped' | WebhookDelivery['status']> {
  const delivery = await webhooks.claim(seen, new Date(runtime.clock().getTime() + LEASE_MS));
  if (!delivery) return 'skipped';
  const subscription = await webhooks.get(delivery.tenantId, delivery.webhookId);
  if (!subscription) {
    await webhooks.recordAttempt(delivery, undefined, { status: 'failed' });
    return 'failed';
  }
  const now = runtime.clock();
  const attempt = await sendAttempt(webhookSender, subscription, delivery, now);
  const next = afterAttempt({
    createdAt: delivery.createdAt,
    attempts: [...delivery.attempts, attempt],
    now: runtime.clock(),
    random: random(),
  });
  await webhooks.recordAttempt(delivery, attempt, next);
  runtime.logger.info('webhook retried', {
    webhookId: delivery.webhookId,
    deliveryId: delivery.id,
    attempt: delivery.attemptCount + 1,
    outcome: attempt.outcome,
    statusCode: attempt.statusCode,
    status: next.status,
  });
  return next.status;
}
