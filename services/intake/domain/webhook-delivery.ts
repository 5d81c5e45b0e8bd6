import { createHmac } from 'node:crypto';
import type { CommunityReferralStatusChangedData, ReferralStatusChangedData } from '@carelink/contracts';
import type * as z from 'zod/mini';

/** How one attempt ended; `rejected` means the target's address was refused and nothing was sent. */
export type AttemptOutcome = 'succeeded' | 'http-error' | 'timeout' | 'network-error' | 'rejected';

/**
 * What a partner is told about an attempt. Only the class: a receiver's status code or error text
 * would let a subscription map what answers where.
 */
export type DeliveryClass = 'delivered' | 'rejected' | 'unreachable';

export function deliveryClassOf(outcome: AttemptOutcome): DeliveryClass {
  if (outcome === 'succeeded') return 'delivered';
  return outcome === 'rejected' ? 'rejected' : 'unreachable';
}

/** One try at delivering a webhook. */
export interface DeliveryAttempt {
  at: string;
  statusCode?: number;
  outcome: AttemptOutcome;
  durationMs: number;
}

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** How retries are spaced: exponential from `baseMs`, capped, with jitter, for `windowMs` in total. */
export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  windowMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  baseMs: 30_000,
  capMs: 60 * 60_000,
  windowMs: 24 * 60 * 60_000,
};

/**
 * Delay before retry number `failedAttempts` (1 = after the first failure): half the exponential
 * step plus a random half of it ("equal jitter"), so receivers that failed together do not get a
 * synchronized retry storm. `random` is in [0, 1).
 */
export function retryDelayMs(failedAttempts: number, random: number, policy = defaultRetryPolicy): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(step / 2 + (step / 2) * Math.min(Math.max(random, 0), 0.999_999));
}

/**
 * What follows an attempt: success ends the delivery; a failure schedules the next attempt unless
 * it would fall outside the retry window counted from the delivery's creation, which fails it. A
 * refused target fails at once.
 */
export function afterAttempt(input: {
  createdAt: string;
  attempts: readonly DeliveryAttempt[];
  now: Date;
  random: number;
  policy?: RetryPolicy;
}): { status: DeliveryStatus; nextAttemptAt?: string } {
  const last = input.attempts.at(-1);
  if (last?.outcome === 'succeeded') return { status: 'succeeded' };
  // A refused address stays refused: retrying would only probe it again.
  if (last?.outcome === 'rejected') return { status: 'failed' };
  const policy = input.policy ?? defaultRetryPolicy;
  const next = input.now.getTime() + retryDelayMs(input.attempts.length, input.random, policy);
  if (next > Date.parse(input.createdAt) + policy.windowMs) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(next).toISOString() };
}

/** The JSON a partner receives: ids, statuses and codes only. */
export type WebhookPayload =
  | {
      id: string;
      type: 'ReferralStatusChanged';
      occurredAt: string;
      data: z.output<typeof ReferralStatusChangedData>;
    }
  | {
      id: string;
      type: 'CommunityReferralStatusChanged';
      occurredAt: string;
      data: CommunityReferralWebhookData;
    };

/** What a partner hears of a community referral: the closed loop as a FHIR Task, on its own referral. */
export interface CommunityReferralWebhookData {
  referralId: string;
  externalReferralId: string;
  communityReferralId: string;
  category: string;
  status: CommunityReferralStatusChangedData['status'];
  previousStatus: CommunityReferralStatusChangedData['previousStatus'];
  taskStatus: CommunityReferralStatusChangedData['taskStatus'];
  reason: CommunityReferralStatusChangedData['reason'];
  version: number;
}

export function webhookPayload(input: {
  deliveryId: string;
  occurredAt: string;
  data: z.output<typeof ReferralStatusChangedData>;
}): string {
  const { referralId, externalReferralId, status, previousStatus, taskStatus, businessStatus, version } =
    input.data;
  const payload: WebhookPayload = {
    id: input.deliveryId,
    type: 'ReferralStatusChanged',
    occurredAt: input.occurredAt,
    data: { referralId, externalReferralId, status, previousStatus, taskStatus, businessStatus, version },
  };
  return JSON.stringify(payload);
}

export function communityReferralPayload(input: {
  deliveryId: string;
  occurredAt: string;
  data: CommunityReferralWebhookData;
}): string {
  const payload: WebhookPayload = {
    id: input.deliveryId,
    type: 'CommunityReferralStatusChanged',
    occurredAt: input.occurredAt,
    data: input.data,
  };
  return JSON.stringify(payload);
}

/** A signing secret and, during a rotation's overlap, the one it replaced. */
export interface SigningSecrets {
  secret: string;
  previousSecret?: string | undefined;
}

const hmacHex = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('hex');

/**
 * The `Carelink-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, with a
 * second `v1` under the previous secret during a rotation. The timestamp is signed too, so a
 * receiver can reject replays of old deliveries.
 */
export function signatureHeader(secrets: SigningSecrets | string, body: string, at: Date): string {
  const { secret, previousSecret } =
    typeof secrets === 'string' ? { secret: secrets, previousSecret: undefined } : secrets;
  const t = Math.floor(at.getTime() / 1000);
  const signatures = [secret, ...(previousSecret ? [previousSecret] : [])].map(
    (s) => `v1=${hmacHex(s, `${t}.${body}`)}`,
  );
  return [`t=${t}`, ...signatures].join(',');
}

/**
 * The Standard Webhooks headers (standardwebhooks.com): `webhook-id`, `webhook-timestamp` and
 * `webhook-signature` = space-separated `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`,
 * keyed by the base64 part of the `whsec_` secret, one per secret during a rotation.
 */
export function standardWebhookHeaders(
  secrets: SigningSecrets,
  delivery: { id: string; body: string },
  at: Date,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const sign = (secret: string) => {
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
    return `v1,${createHmac('sha256', key).update(`${delivery.id}.${timestamp}.${delivery.body}`).digest('base64')}`;
  };
  const signatures = [secrets.secret, ...(secrets.previousSecret ? [secrets.previousSecret] : [])].map(sign);
  return {
    'webhook-id': delivery.id,
    'webhook-timestamp': timestamp,
    'webhook-signature': signatures.join(' '),
  };
}
