import { createHmac, timingSafeEqual } from 'node:crypto';
import type { LocalCloud } from '@carelink/local/cloud';
import { apiClient } from '@carelink/local/testing/api-client';
import { startTestCloud } from '@carelink/local/testing/local-cloud-fixture';
import { phiFoundIn } from '@carelink/local/testing/phi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeManifest } from '../manifest';
import { referralBody } from '../testing/referral-fixtures';
import { startReceiver } from '../testing/webhook-receiver';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startTestCloud([intakeManifest]);
});
afterAll(async () => {
  await cloud?.stop();
});

/** The receiver's side, written from the documented scheme only: t=<seconds>,v1=<hex HMAC("t.body")>. */
function verify(secret: string, header: string | undefined, body: string, toleranceSeconds = 300): boolean {
  const parts = new Map((header ?? '').split(',').map((kv) => kv.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const given = Buffer.from(parts.get('v1') ?? '', 'hex');
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('webhook subscriptions', () => {
  it('creates, lists without the secret, validates URLs and deletes; other tenants get 404', async () => {
    const acme = await apiClient(cloud, 'northwind-health');
    const bluepeak = await apiClient(cloud, 'lakeside-clinics');
    const created = await acme.post('/v1/webhooks', { url: 'https://hooks.acme.example/carelink' });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    expect(created.body.events).toEqual(['ReferralStatusChanged']);
    const listed = await acme.get('/v1/webhooks');
    expect(listed.body.items).toEqual([expect.objectContaining({ id: created.body.id })]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect((await bluepeak.get('/v1/webhooks')).body.items).toEqual([]);
    expect((await bluepeak.delete(`/v1/webhooks/${created.body.id}`)).status).toBe(404);
    expect((await bluepeak.get(`/v1/webhooks/${created.body.id}/deliveries`)).status).toBe(404);
    expect((await acme.post('/v1/webhooks', { url: 'http://hooks.acme.example/carelink' })).status).toBe(422);
    expect((await acme.post('/v1/webhooks', { url: 'https://u:p@hooks.acme.example/' })).status).toBe(422);
    for (const url of ['not a url', 'ftp://hooks.acme.example/', 'x'.repeat(3000), 42])
      expect((await acme.post('/v1/webhooks', { url })).status).toBe(422);
    expect(
      (await acme.post('/v1/webhooks', { url: 'https://hooks.acme.example/', secret: 'mine' })).status,
    ).toBe(422);
    expect((await acme.delete(`/v1/webhooks/${created.body.id}`)).status).toBe(204);
    expect((await acme.delete(`/v1/webhooks/${created.body.id}`)).status).toBe(404);
    expect((await acme.get('/v1/webhooks')).body.items).toEqual([]);
  });

  it.each([
    'https://169.254.169.254/latest/meta-data/',
    'https://10.0.0.1/hook',
    'https://172.16.0.1/hook',
    'https://192.168.1.1/hook',
    'https://100.64.0.1/hook',
    'https://[fd00::1]/hook',
    'https://[::ffff:10.0.0.1]/hook',
    'https://0x0a000001/hook',
    'https://167772161/hook',
    'https://[fe80::1]/hook',
  ])('refuses %s as an internal address with a 422 naming the field', async (url) => {
    const acme = await apiClient(cloud, 'northwind-health');
    const refused = await acme.post('/v1/webhooks', { url });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: 'url', code: 'forbidden-address' }),
    ]);
    expect(JSON.stringify(refused.body)).not.toContain(url);
  });

  it('answers 403 without webhooks:manage', async () => {
    const staff = await apiClient(cloud, 'staff-boston-staff-admin');
    expect((await staff.post('/v1/webhooks', { url: 'https://hooks.example/x' })).status).toBe(403);
  });
});

describe('webhook deliveries', () => {
  it('posts a signed payload with ids and statuses only, verifiable by the partner', async () => {
    const receiver = await startReceiver();
    try {
      const acme = await apiClient(cloud, 'northwind-health');
      const hook = await acme.post('/v1/webhooks', { url: receiver.url });
      const referral = await acme.post('/v1/referrals', referralBody());
      await cloud.settle();
      expect(receiver.requests).toHaveLength(1);
      const [request] = receiver.requests;
      if (!request) throw new Error('no delivery');
      expect(verify(hook.body.secret, request.headers['carelink-signature'] as string, request.body)).toBe(
        true,
      );
      expect(verify('whsec_wrong', request.headers['carelink-signature'] as string, request.body)).toBe(
        false,
      );
      expect(
        verify(hook.body.secret, request.headers['carelink-signature'] as string, `${request.body} `),
      ).toBe(false);
      const payload = JSON.parse(request.body);
      expect(payload).toMatchObject({
        type: 'ReferralStatusChanged',
        data: {
          referralId: referral.body.id,
          externalReferralId: referral.body.externalReferralId,
          status: 'received',
          previousStatus: null,
          taskStatus: 'requested',
          version: 1,
        },
      });
      expect(request.headers['carelink-delivery-id']).toBe(payload.id);
      expect(
        phiFoundIn(request.body, ['Lopez', 'Maria', '+1617', 'example.com', 'Beacon', '1951', 'diabetes']),
      ).toEqual([]);
      const deliveries = await acme.get(`/v1/webhooks/${hook.body.id}/deliveries`);
      expect(deliveries.body.items).toEqual([
        expect.objectContaining({
          referralId: referral.body.id,
          status: 'succeeded',
          attempts: [{ attempt: 1, at: expect.any(String), outcome: 'delivered' }],
        }),
      ]);
      await acme.delete(`/v1/webhooks/${hook.body.id}`);
    } finally {
      await receiver.stop();
    }
  });

  it('retries a failing receiver on the schedule and records exactly one success', async () => {
    const receiver = await startReceiver((n) => (n <= 2 ? 503 : 200));
    const start = new Date();
    try {
      const bluepeak = await apiClient(cloud, 'lakeside-clinics');
      const hook = await bluepeak.post('/v1/webhooks', { url: receiver.url });
      await bluepeak.post('/v1/referrals', referralBody());
      await cloud.settle();
      const deliveries = async () =>
        (await bluepeak.get(`/v1/webhooks/${hook.body.id}/deliveries`)).body.items;
      const [first] = await deliveries();
      expect(first).toMatchObject({
        status: 'pending',
        attempts: [{ attempt: 1, at: expect.any(String), outcome: 'unreachable' }],
      });
      const nextAttemptAt = Date.parse(first.nextAttemptAt);
      expect(nextAttemptAt).toBeGreaterThan(start.getTime());

      // Not yet due: the schedule leaves it alone.
      await cloud.scheduler.runNow('webhook-retries', new Date(nextAttemptAt - 1_000));
      expect(receiver.requests).toHaveLength(1);

      cloud.setClock(new Date(start.getTime() + 2 * 60_000));
      await cloud.scheduler.runNow('webhook-retries');
      expect(receiver.requests).toHaveLength(2);
      expect((await deliveries())[0]).toMatchObject({ status: 'pending' });

      cloud.setClock(new Date(start.getTime() + 10 * 60_000));
      await cloud.scheduler.runNow('webhook-retries');
      await cloud.scheduler.runNow('webhook-retries');
      expect(receiver.requests.map((r) => r.answeredWith)).toEqual([503, 503, 200]);
      const [done] = await deliveries();
      expect(done.status).toBe('succeeded');
      expect(done.attempts.map((a: { outcome: string }) => a.outcome)).toEqual([
        'unreachable',
        'unreachable',
        'delivered',
      ]);
      // The receiver's status codes are not the partner's to read back.
      expect(JSON.stringify(done)).not.toContain('503');
      expect(done).not.toHaveProperty('nextAttemptAt');
      // Every attempt carried the same body, each signed (at the shifted clock's time).
      expect(new Set(receiver.requests.map((r) => r.body)).size).toBe(1);
      for (const request of receiver.requests)
        expect(
          verify(hook.body.secret, request.headers['carelink-signature'] as string, request.body, 3600),
        ).toBe(true);
    } finally {
      cloud.setClock(new Date());
      await receiver.stop();
    }
  });
});
