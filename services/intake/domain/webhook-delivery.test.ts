import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import {
  afterAttempt,
  type DeliveryAttempt,
  deliveryClassOf,
  retryDelayMs,
  signatureHeader,
  standardWebhookHeaders,
  webhookPayload,
} from './webhook-delivery';

const failed = (at: string): DeliveryAttempt => ({
  at,
  statusCode: 500,
  outcome: 'http-error',
  durationMs: 10,
});

describe('webhook retry policy', () => {
  it('grows exponentially with jitter between half and the full step, capped at an hour', () => {
    expect(retryDelayMs(1, 0)).toBe(15_000);
    expect(retryDelayMs(1, 0.999_999)).toBeCloseTo(30_000, -1);
    expect(retryDelayMs(2, 0)).toBe(30_000);
    expect(retryDelayMs(3, 0.5)).toBe(90_000);
    expect(retryDelayMs(30, 0.999_999)).toBeLessThanOrEqual(3_600_000);
    expect(retryDelayMs(30, 0)).toBe(1_800_000);
  });

  it('schedules the next attempt after a failure and ends on success', () => {
    const createdAt = '2026-11-02T15:00:00.000Z';
    const now = new Date('2026-11-02T15:00:01.000Z');
    expect(afterAttempt({ createdAt, attempts: [failed(createdAt)], now, random: 0 })).toEqual({
      status: 'pending',
      nextAttemptAt: '2026-11-02T15:00:16.000Z',
    });
    const ok: DeliveryAttempt = {
      at: now.toISOString(),
      statusCode: 204,
      outcome: 'succeeded',
      durationMs: 3,
    };
    expect(afterAttempt({ createdAt, attempts: [failed(createdAt), ok], now, random: 0 })).toEqual({
      status: 'succeeded',
    });
  });

  it('fails a delivery to a refused address at once, without retries', () => {
    const createdAt = '2026-11-02T15:00:00.000Z';
    const refused: DeliveryAttempt = { at: createdAt, outcome: 'rejected', durationMs: 0 };
    expect(afterAttempt({ createdAt, attempts: [refused], now: new Date(createdAt), random: 0 })).toEqual({
      status: 'failed',
    });
  });

  it('tells partners only the class of an attempt, never what the receiver answered', () => {
    expect(deliveryClassOf('succeeded')).toBe('delivered');
    expect(deliveryClassOf('rejected')).toBe('rejected');
    for (const outcome of ['http-error', 'timeout', 'network-error'] as const)
      expect(deliveryClassOf(outcome)).toBe('unreachable');
  });

  it('fails the delivery once the next attempt would fall beyond 24 hours', () => {
    const createdAt = '2026-11-02T15:00:00.000Z';
    const attempts = Array.from({ length: 30 }, () => failed(createdAt));
    expect(
      afterAttempt({ createdAt, attempts, now: new Date('2026-11-03T14:50:00.000Z'), random: 0 }),
    ).toEqual({
      status: 'failed',
    });
  });

  it('spends roughly a day retrying before giving up', () => {
    const createdAt = new Date('2026-11-02T15:00:00.000Z');
    let now = createdAt;
    const attempts: DeliveryAttempt[] = [];
    for (;;) {
      attempts.push(failed(now.toISOString()));
      const next = afterAttempt({ createdAt: createdAt.toISOString(), attempts, now, random: 0.5 });
      if (next.status !== 'pending') break;
      now = new Date(next.nextAttemptAt as string);
    }
    expect(attempts.length).toBeGreaterThan(20);
    expect(now.getTime() - createdAt.getTime()).toBeGreaterThan(23 * 3_600_000);
    expect(now.getTime() - createdAt.getTime()).toBeLessThanOrEqual(24 * 3_600_000);
  });
});

describe('webhook signature and payload', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 and the unix time in seconds', () => {
    const body = '{"id":"x"}';
    const header = signatureHeader('whsec_test', body, new Date('2026-11-02T15:00:00.900Z'));
    const t = 1_793_631_600;
    expect(header).toBe(
      `t=${t},v1=${createHmac('sha256', 'whsec_test').update(`${t}.${body}`).digest('hex')}`,
    );
    expect(signatureHeader('whsec_other', body, new Date('2026-11-02T15:00:00Z'))).not.toBe(header);
  });

  it('signs the Standard Webhooks way, as the standardwebhooks library verifies it', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"id":"d-1","type":"ReferralStatusChanged"}';
    const at = new Date();
    const headers = standardWebhookHeaders({ secret }, { id: 'd-1', body }, at);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook('whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').verify(body, headers)).toThrow();
  });

  it('signs with both secrets during a rotation, and each verifies on its own', () => {
    const secrets = {
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      previousSecret: 'whsec_c2VjcmV0LW9sZC1vbmUtMzItYnl0ZXMtbG9uZyEh',
    };
    const body = '{"id":"d-2"}';
    const at = new Date();
    const headers = standardWebhookHeaders(secrets, { id: 'd-2', body }, at);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(secrets.secret).verify(body, headers)).toBeTruthy();
    expect(new Webhook(secrets.previousSecret).verify(body, headers)).toBeTruthy();
    const carelink = signatureHeader(secrets, body, at);
    expect(carelink.match(/v1=/g)).toHaveLength(2);
  });

  it('keeps only ids and statuses in the payload', () => {
    const payload = JSON.parse(
      webhookPayload({
        deliveryId: 'D1',
        occurredAt: '2026-11-02T15:00:00.000Z',
        data: {
          referralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
          externalReferralId: 'ACME-1',
          status: 'eligible',
          previousStatus: 'screening',
          taskStatus: 'accepted',
          businessStatus: { code: 'ELIGIBLE', text: 'Eligible for ccm' },
          version: 3,
          ...({ memberName: 'Maria Lopez' } as object),
        },
      }),
    );
    expect(Object.keys(payload.data).sort()).toEqual([
      'businessStatus',
      'externalReferralId',
      'previousStatus',
      'referralId',
      'status',
      'taskStatus',
      'version',
    ]);
    expect(payload).toMatchObject({ id: 'D1', type: 'ReferralStatusChanged' });
  });
});
