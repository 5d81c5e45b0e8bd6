import { createHmac } from 'node:crypto';
import type { ReferralStatusChangedData } from '@carelink/contracts';
import type * as z from 'zod';

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

/** The JSON a partner receives: ids and statuses only. */
export interface WebhookPayload {
  id: string;
  type: 'ReferralStatusChanged';
  occurredAt: string;
  data: z.output<typeof ReferralStatusChangedData>;
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

/**
 * The `Carelink-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 * The timestamp is signed too, so a receiver can reject replays of old deliveries.
 */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}
