import { Agent, request } from 'node:http';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '@carelink/lambda-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from './cloud';
import { apiClient } from './testing/api-client';
import { fixtureManifest } from './testing/fixture/manifest';
import { startTestCloud } from './testing/local-cloud-fixture';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startTestCloud([fixtureManifest]);
});
afterAll(async () => {
  await cloud?.stop();
});

async function consumed(id: string) {
  const { Item } = await createDocumentClient().send(
    new GetCommand({
      TableName: cloud.tableName('intake'),
      Key: { pk: `T#acme-health#PING#${id}`, sk: 'CONSUMED' },
    }),
  );
  return Item;
}

describe('local cloud', () => {
  it('issues client-credentials tokens and rejects bad secrets', async () => {
    const client = cloud.clients.find((c) => c.clientId === 'carelink-operator');
    const basic = (secret: string) =>
      `Basic ${Buffer.from(`carelink-operator:${secret}`).toString('base64')}`;
    const ok = await fetch(`${cloud.apiUrl}/oauth2/token`, {
      method: 'POST',
      headers: {
        authorization: basic(client?.clientSecret ?? ''),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { token_type: string }).token_type).toBe('Bearer');
    const bad = await fetch(`${cloud.apiUrl}/oauth2/token`, {
      method: 'POST',
      headers: { authorization: basic('wrong'), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(bad.status).toBe(401);
    const jwks = (await (await fetch(`${cloud.apiUrl}/.well-known/jwks.json`)).json()) as {
      keys: { alg: string }[];
    };
    expect(jwks.keys[0]?.alg).toBe('RS256');
  });

  it('answers 401 without a token and 403 without the route scope, like the authorizer', async () => {
    const anonymous = await fetch(`${cloud.apiUrl}/v1/pings`, { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json');
    const billing = await apiClient(cloud, 'staff-boston-billing-lead');
    expect((await billing.post('/v1/pings', { mode: 'ok' })).status).toBe(403);
  });

  it('publishes through the outbox to a rule, a queue and a consumer', async () => {
    const staff = await apiClient(cloud, 'staff-boston-care-manager');
    const res = await staff.post('/v1/pings', { mode: 'ok' });
    expect(res.status).toBe(201);
    await cloud.settle();
    const event = cloud.bus
      .events()
      .find((e) => (e.detail as { data: { referralId: string } }).data.referralId === res.body.id);
    expect(event?.source).toBe('carelink.intake');
    expect(event?.['detail-type']).toBe('ReferralCancelled');
    expect(await consumed(res.body.id)).toMatchObject({ attempts: 1 });
  });

  it('retries a failed delivery and processes it on the second attempt', async () => {
    const staff = await apiClient(cloud, 'staff-boston-care-manager');
    const res = await staff.post('/v1/pings', { mode: 'flaky' });
    await cloud.settle();
    expect(await consumed(res.body.id)).toMatchObject({ attempts: 2 });
  });

  it('moves a message to the DLQ after maxReceiveCount failures, then redrives it', async () => {
    const staff = await apiClient(cloud, 'staff-boston-care-manager');
    await staff.post('/v1/pings', { mode: 'poison-pill' });
    await cloud.settle();
    const dlq = cloud.queues.get('intake-ping-consumer-dlq');
    expect(dlq?.depth).toBe(1);
    expect(dlq?.list()[0]?.reason).toBe('reported as a batch item failure');
    const listed = (await (await fetch(`${cloud.apiUrl}/local/dlq`)).json()) as { messages: unknown[] }[];
    expect(listed[0]?.messages).toHaveLength(1);
    const redrive = await (await fetch(`${cloud.apiUrl}/local/dlq/redrive`, { method: 'POST' })).json();
    expect(redrive).toEqual({ moved: 1 });
    await cloud.settle();
    // It fails again and returns to the DLQ: redrive delivered it to the consumer once more.
    expect(dlq?.depth).toBe(1);
  });

  it('runs a schedule on demand for a chosen time', async () => {
    const res = await fetch(`${cloud.apiUrl}/local/schedules/fixture-monthly/run`, {
      method: 'POST',
      body: JSON.stringify({ scheduledTime: '2026-12-01T07:00:00Z' }),
    });
    expect(((await res.json()) as { result: unknown }).result).toEqual({
      ranFor: '2026-12-01T07:00:00.000Z',
    });
  });

  it('serves the OpenAPI document and health', async () => {
    expect((await fetch(`${cloud.apiUrl}/health`)).status).toBe(200);
    const document = (await (await fetch(`${cloud.apiUrl}/openapi.json`)).json()) as {
      openapi: string;
      servers: { url: string }[];
    };
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers.map((server) => server.url)).toEqual([cloud.apiUrl]);
  });

  it('answers its own errors as problem+json with a correlation id, like the gateway', async () => {
    const anonymous = await fetch(`${cloud.apiUrl}/v1/pings`, { method: 'POST', body: '{}' });
    const body = (await anonymous.json()) as { correlationId?: string };
    expect(anonymous.headers.get('x-correlation-id')).toBe(body.correlationId);
    const quoted = await fetch(`${cloud.apiUrl}/v1/nowhere`, { headers: { 'x-correlation-id': 'trace-42' } });
    expect(quoted.status).toBe(404);
    expect(quoted.headers.get('x-correlation-id')).toBe('trace-42');
    const wrongMethod = await fetch(`${cloud.apiUrl}/v1/pings`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('x-correlation-id')).toBeTruthy();
  });

  it('answers oversized headers with a 431 problem and keeps serving', async () => {
    const res = await fetch(`${cloud.apiUrl}/v1/pings`, { headers: { 'x-padding': 'x'.repeat(64 * 1024) } });
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as { type: string }).type).toMatch(/request-header-fields-too-large$/);
    expect((await fetch(`${cloud.apiUrl}/health`)).status).toBe(200);
  });

  it('refuses a body over 10 MB with a 413 and closes that connection, so the next request is not stalled', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (body: string) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const req = request(`${cloud.apiUrl}/v1/pings`, { method: 'POST', agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
        });
        req.on('error', reject);
        req.end(body);
      });
    const tooLarge = await send('x'.repeat(11 * 1024 * 1024));
    expect(tooLarge).toEqual({ status: 413, connection: 'close' });
    expect((await send('{}')).status).toBe(401);
    agent.destroy();
  });

  it('serves the API reference script', async () => {
    const res = await fetch(`${cloud.apiUrl}/docs/scalar.js`, { signal: AbortSignal.timeout(5_000) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect((await res.text()).length).toBeGreaterThan(10_000);
  });
});
