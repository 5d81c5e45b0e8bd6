import { NotFoundError } from '@carelink/contracts';
import type { CreateWebhookBody } from '@carelink/contracts/api/intake/webhooks';
import { type Commit, type ServiceRuntime, ValidationError } from '@carelink/lambda-kit';
import { newWebhookSecret } from '../adapters/secrets';
import { ForbiddenWebhookTargetError, TooManyWebhooksError } from '../domain/errors';
import { isStartKeyOf, keys } from '../store/keys';
import type { WebhookStore, WebhookSubscription } from '../store/webhook-store';
import type { VetWebhookTarget } from './webhook-targets';

/** Each active subscription is called for every status change; keep fan-out per event bounded. */
const MAX_SUBSCRIPTIONS = 10;

/** A partner's webhook subscriptions and what was delivered to them. */
export function createWebhooks(runtime: ServiceRuntime, webhooks: WebhookStore, vet: VetWebhookTarget) {
  return {
    async subscribe(
      partnerId: string,
      body: CreateWebhookBody,
    ): Promise<{ subscription: WebhookSubscription; commit: Commit }> {
      // A host that does not resolve yet is accepted: every delivery checks it again before sending.
      const target = await vet(body.url);
      if (target === 'forbidden-address' || target === 'https-required')
        throw new ForbiddenWebhookTargetError(target);
      if ((await webhooks.list(partnerId)).length >= MAX_SUBSCRIPTIONS)
        throw new TooManyWebhooksError(MAX_SUBSCRIPTIONS);
      const subscription: WebhookSubscription = {
        id: runtime.newId(),
        partnerId,
        url: body.url,
        events: body.events,
        status: 'active',
        secret: newWebhookSecret(),
        createdAt: runtime.clock().toISOString(),
      };
      runtime.logger.info('webhook subscribed', { webhookId: subscription.id });
      return { subscription, commit: { writes: [webhooks.create(subscription)], events: [] } };
    },

    list: (partnerId: string) => webhooks.list(partnerId),

    /**
     * A new secret for the subscription; the old one keeps signing for `overlapHours`, so the
     * partner can deploy the new one without a delivery failing verification.
     */
    async rotateSecret(partnerId: string, webhookId: string, overlapHours: number) {
      const subscription = await webhooks.get(partnerId, webhookId);
      if (!subscription) throw new NotFoundError('Webhook');
      const secret = newWebhookSecret();
      const previousSecretExpiresAt = new Date(
        runtime.clock().getTime() + overlapHours * 3_600_000,
      ).toISOString();
      runtime.logger.info('webhook secret rotated', { webhookId, overlapHours });
      return {
        rotated: { id: webhookId, secret, previousSecretExpiresAt },
        commit: {
          writes: [webhooks.rotateSecret(subscription, secret, previousSecretExpiresAt)],
          events: [],
        },
      };
    },

    remove(partnerId: string, webhookId: string): Commit {
      runtime.logger.info('webhook unsubscribed', { webhookId });
      return { writes: [webhooks.remove(partnerId, webhookId)], events: [] };
    },

    /** Newest first; a cursor is honoured only within the subscription it was issued for. */
    async deliveries(
      partnerId: string,
      webhookId: string,
      page: { startKey: Record<string, unknown> | null | undefined; limit: number },
    ) {
      if (!(await webhooks.get(partnerId, webhookId))) throw new NotFoundError('Webhook');
      const partition = { attribute: 'pk', value: keys.deliveries(partnerId, webhookId) };
      const { startKey } = page;
      if (startKey === null || (startKey && !isStartKeyOf(startKey, partition, ['pk', 'sk'])))
        throw new ValidationError('The cursor is not valid', [
          { path: 'query.cursor', code: 'invalid_cursor' },
        ]);
      return webhooks.listDeliveries(partnerId, webhookId, { limit: page.limit, startKey });
    },
  };
}
