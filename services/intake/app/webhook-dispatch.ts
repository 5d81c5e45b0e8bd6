import type { EventMetadata, ReferralStatusChangedData } from '@carelink/contracts';
import type { Commit, ServiceRuntime, StateWrite } from '@carelink/lambda-kit';
import type * as z from 'zod/mini';
import type { WebhookSender } from '../adapters/webhook-sender';
import {
  afterAttempt,
  type CommunityReferralWebhookData,
  communityReferralPayload,
  type DeliveryAttempt,
  type SigningSecrets,
  signatureHeader,
  standardWebhookHeaders,
  webhookPayload,
} from '../domain/webhook-delivery';
import type {
  WebhookDelivery,
  WebhookEventType,
  WebhookStore,
  WebhookSubscription,
} from '../store/webhook-store';
import type { VetWebhookTarget } from './webhook-targets';

const BATCH_PER_PARTNER = 25;
/** Longer than one attempt (5 s timeout), so a claimed delivery is not sent twice. */
const LEASE_MS = 2 * 60_000;

export interface WebhookDispatchDeps {
  runtime: ServiceRuntime;
  webhooks: WebhookStore;
  sender: WebhookSender;
  vet: VetWebhookTarget;
  /** Jitter source for retries, in [0, 1). */
  random: () => number;
}

/** Delivers status changes to partners' webhooks: the first attempt at once, retries on a schedule. */
export function createWebhookDispatch({ runtime, webhooks, sender, vet, random }: WebhookDispatchDeps) {
  /** Signs and sends one attempt; the secret is used here and nowhere else. A refused target is not contacted. */
  async function attempt(
    subscription: WebhookSubscription,
    delivery: Pick<WebhookDelivery, 'id' | 'body' | 'eventType'>,
  ): Promise<DeliveryAttempt> {
    const at = runtime.clock();
    const secrets: SigningSecrets = {
      secret: subscription.secret,
      previousSecret:
        subscription.previousSecretExpiresAt &&
        Date.parse(subscription.previousSecretExpiresAt) > at.getTime()
          ? subscription.previousSecret
          : undefined,
    };
    const target = await vet(subscription.url);
    if (target === 'unresolvable-host')
      return { at: at.toISOString(), outcome: 'network-error', durationMs: 0 };
    if (typeof target === 'string') return { at: at.toISOString(), outcome: 'rejected', durationMs: 0 };
    const result = await sender.send({
      ...target,
      body: delivery.body,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Carelink-Webhooks/1',
        'carelink-delivery-id': delivery.id,
        'carelink-event-type': delivery.eventType,
        'carelink-signature': signatureHeader(secrets, delivery.body, at),
        ...standardWebhookHeaders(secrets, delivery, at),
      },
    });
    return { at: at.toISOString(), ...result };
  }

  async function retry(seen: WebhookDelivery): Promise<'skipped' | WebhookDelivery['status']> {
    const delivery = await webhooks.claim(seen, new Date(runtime.clock().getTime() + LEASE_MS));
    if (!delivery) return 'skipped';
    const subscription = await webhooks.get(delivery.partnerId, delivery.webhookId);
    if (!subscription) {
      await webhooks.recordAttempt(delivery, undefined, { status: 'failed' });
      return 'failed';
    }
    const tried = await attempt(subscription, delivery);
    const next = afterAttempt({
      createdAt: delivery.createdAt,
      attempts: [...delivery.attempts, tried],
      now: runtime.clock(),
      random: random(),
    });
    await webhooks.recordAttempt(delivery, tried, next);
    runtime.logger.info('webhook retried', {
      webhookId: delivery.webhookId,
      deliveryId: delivery.id,
      attempt: delivery.attemptCount + 1,
      outcome: tried.outcome,
      statusCode: tried.statusCode,
      status: next.status,
    });
    return next.status;
  }

  /**
   * Fans an event out to the partner's subscriptions to its type that existed when it happened:
   * records one delivery per subscription and makes its first attempt at once.
   */
  async function deliver(
    metadata: EventMetadata,
    target: { partnerId: string; referralId: string; eventType: WebhookEventType; body: string },
  ): Promise<Commit | undefined> {
    const { partnerId } = target;
    const subscriptions = (await webhooks.list(partnerId)).filter(
      (s) =>
        s.status === 'active' &&
        s.events.includes(target.eventType) &&
        Date.parse(s.createdAt) <= Date.parse(metadata.occurredAt),
    );
    if (subscriptions.length === 0) return undefined;
    const writes: StateWrite[] = await Promise.all(
      subscriptions.map(async (subscription) => {
        const createdAt = runtime.clock().toISOString();
        const pending = {
          id: metadata.eventId,
          partnerId,
          webhookId: subscription.id,
          eventId: metadata.eventId,
          eventType: target.eventType,
          referralId: target.referralId,
          body: target.body,
          createdAt,
        };
        const first = await attempt(subscription, pending);
        const next = afterAttempt({ createdAt, attempts: [first], now: runtime.clock(), random: random() });
        const delivery: WebhookDelivery = {
          ...pending,
          status: next.status,
          attempts: [first],
          attemptCount: 1,
          ...(next.nextAttemptAt ? { nextAttemptAt: next.nextAttemptAt } : {}),
        };
        runtime.logger.info('webhook attempted', {
          webhookId: subscription.id,
          deliveryId: delivery.id,
          referralId: target.referralId,
          eventType: target.eventType,
          outcome: first.outcome,
          statusCode: first.statusCode,
        });
        return webhooks.createDelivery(delivery);
      }),
    );
    return { writes, events: [] };
  }

  return {
    /** A referral's status change, told to the partner who sent it. */
    async fanOut(
      metadata: EventMetadata,
      data: z.output<typeof ReferralStatusChangedData>,
    ): Promise<Commit | undefined> {
      if (!data.partnerId) return undefined;
      return deliver(metadata, {
        partnerId: data.partnerId,
        referralId: data.referralId,
        eventType: 'ReferralStatusChanged',
        body: webhookPayload({ deliveryId: metadata.eventId, occurredAt: metadata.occurredAt, data }),
      });
    },

    /** A community referral's step, told to the partner whose referral the patient came through. */
    async fanOutCommunityReferral(
      metadata: EventMetadata,
      partnerId: string,
      data: CommunityReferralWebhookData,
    ): Promise<Commit | undefined> {
      return deliver(metadata, {
        partnerId,
        referralId: data.referralId,
        eventType: 'CommunityReferralStatusChanged',
        body: communityReferralPayload({
          deliveryId: metadata.eventId,
          occurredAt: metadata.occurredAt,
          data,
        }),
      });
    },

    /** Retries due deliveries of every partner; a delivery never blocks the event queue. */
    async retryDue(partnerIds: readonly string[], now: Date) {
      let attempted = 0;
      let succeeded = 0;
      for (const partnerId of partnerIds) {
        const due = await webhooks.due(partnerId, now, BATCH_PER_PARTNER);
        const results = await Promise.all(due.map((delivery) => retry(delivery)));
        attempted += results.filter((r) => r !== 'skipped').length;
        succeeded += results.filter((r) => r === 'succeeded').length;
      }
      return { attempted, succeeded };
    },
  };
}

export type WebhookDispatch = ReturnType<typeof createWebhookDispatch>;
