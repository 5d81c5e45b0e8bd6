import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { defineRoute, standardTable, TimeLoggedV1 } from '@carelink/contracts';
import { buildProxyEvent } from '@carelink/local/api/proxy-event';
import { ensureTable } from '@carelink/local/dynamodb/tables';
import { lambdaContext } from '@carelink/local/lambda/context';
import { useLocalAws } from '@carelink/local/testing/environment';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import * as z from 'zod';
import { emit } from '../outbox/commit';
import { createServiceRuntime, tableNameVariable } from '../runtime';
import { httpHandler } from './http-handler';
import { created } from './response';

const route = defineRoute({
  operationId: 'createWidget',
  method: 'POST',
  path: '/v1/widgets',
  summary: 'test route',
  tag: 'test',
  scopes: ['referrals:write'],
  idempotent: true,
  body: z.object({ label: z.string().max(40), count: z.int().min(1) }).strict(),
  responses: { 201: { description: 'created' } },
});

const tableName = `kit-http-${Date.now()}`;
let handler: ReturnType<typeof httpHandler<typeof route>>;
let runtime: ReturnType<typeof createServiceRuntime>;
let failNext = false;

beforeAll(async () => {
  useLocalAws({ dynamodb: inject('dynamoDbEndpoint') });
  process.env[tableNameVariable('outreach')] = tableName;
  await ensureTable(new DynamoDBClient({}), tableName, standardTable);
  runtime = createServiceRuntime('outreach');
  handler = httpHandler(runtime, route, async ({ body, principal }) => {
    if (failNext) {
      failNext = false;
      throw new Error('boom with secret 555-12-3456');
    }
    const id = runtime.newId();
    return created(
      `/v1/widgets/${id}`,
      { id, label: body.label },
      {
        writes: [
          {
            Put: {
              TableName: tableName,
              Item: { pk: `T#${principal.tenantId}#WIDGET#${id}`, sk: 'WIDGET', label: body.label },
            },
          },
        ],
        events: [emit(TimeLoggedV1, TimeLoggedV1.example)],
      },
    );
  });
});

const claims = { sub: 'client-a', tenant_id: 'tenant-a', scope: 'referrals:write referrals:read' };

async function call(options: {
  body?: string;
  headers?: Record<string, string>;
  claims?: Record<string, string> | null;
}) {
  const event = buildProxyEvent({
    method: 'POST',
    path: '/v1/widgets',
    resource: '/v1/widgets',
    headers: { 'Content-Type': 'application/json', ...options.headers },
    body: options.body ?? JSON.stringify({ label: 'first', count: 1 }),
    ...(options.claims === null ? {} : { claims: options.claims ?? claims }),
  });
  const result = await handler(event, lambdaContext('test'));
  return { ...result, json: result.body ? JSON.parse(result.body) : undefined };
}

async function outboxCount() {
  const { Items = [] } = await runtime.db.send(
    new ScanCommand({
      TableName: tableName,
      FilterExpression: 'kind = :k',
      ExpressionAttributeValues: { ':k': 'outbox' },
    }),
  );
  return Items.length;
}

describe('httpHandler', () => {
  it('creates once and replays the first response for the same Idempotency-Key, without a second event', async () => {
    const before = await outboxCount();
    const first = await call({ headers: { 'Idempotency-Key': 'key-replay-0001' } });
    const second = await call({ headers: { 'idempotency-key': 'key-replay-0001' } });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json).toEqual(first.json);
    expect(second.headers?.location).toBe(first.headers?.location);
    expect(second.headers?.['idempotent-replayed']).toBe('true');
    expect((await outboxCount()) - before).toBe(1);
  });

  it('answers 422 when an Idempotency-Key is reused with a different body, and writes nothing', async () => {
    await call({ headers: { 'Idempotency-Key': 'key-mismatch-01' } });
    const before = await outboxCount();
    const reused = await call({
      headers: { 'Idempotency-Key': 'key-mismatch-01' },
      body: JSON.stringify({ label: 'other', count: 2 }),
    });
    expect(reused.statusCode).toBe(422);
    expect(reused.json.type).toBe('https://carelink.dev/problems/idempotency-key-reused');
    expect(await outboxCount()).toBe(before);
  });

  it('keeps Idempotency-Keys per tenant', async () => {
    const a = await call({ headers: { 'Idempotency-Key': 'key-tenant-0001' } });
    const b = await call({
      headers: { 'Idempotency-Key': 'key-tenant-0001' },
      claims: { ...claims, tenant_id: 'tenant-b' },
    });
    expect(b.statusCode).toBe(201);
    expect(b.json.id).not.toBe(a.json.id);
  });

  it('writes the state item and its outbox event in the same transaction', async () => {
    const res = await call({ headers: { 'Idempotency-Key': 'key-atomic-0001' } });
    const { Items = [] } = await runtime.db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `T#tenant-a#WIDGET#${res.json.id}` },
      }),
    );
    expect(Items).toHaveLength(1);
  });

  it.each([
    [
      'malformed JSON',
      { body: '{"label": ', headers: { 'Idempotency-Key': 'key-bad-00001' } },
      400,
      'malformed-request',
    ],
    [
      'wrong content type',
      { headers: { 'Content-Type': 'text/plain', 'Idempotency-Key': 'key-bad-00002' } },
      415,
      'unsupported-media-type',
    ],
    [
      'oversize body',
      {
        body: JSON.stringify({ label: 'x'.repeat(300 * 1024), count: 1 }),
        headers: { 'Idempotency-Key': 'key-bad-00003' },
      },
      413,
      'payload-too-large',
    ],
    ['missing auth', { claims: null, headers: { 'Idempotency-Key': 'key-bad-00004' } }, 401, 'unauthorized'],
    [
      'missing scope',
      { claims: { ...claims, scope: 'referrals:read' }, headers: { 'Idempotency-Key': 'key-bad-00005' } },
      403,
      'forbidden',
    ],
    [
      'unknown field',
      {
        body: JSON.stringify({ label: 'a', count: 1, extra: true }),
        headers: { 'Idempotency-Key': 'key-bad-00006' },
      },
      422,
      'validation-failed',
    ],
    ['missing Idempotency-Key', {}, 422, 'validation-failed'],
  ] as const)('answers %s with %i problem+json', async (_, options, status, type) => {
    const res = await call(options as Parameters<typeof call>[0]);
    expect(res.statusCode).toBe(status);
    expect(res.headers?.['content-type']).toBe('application/problem+json');
    expect(res.json.type).toBe(`https://carelink.dev/problems/${type}`);
  });

  it('lists failing field paths without echoing the submitted values', async () => {
    const res = await call({
      body: JSON.stringify({ label: 'Jane Doe born 1950-02-03 '.repeat(3), count: 0 }),
      headers: { 'Idempotency-Key': 'key-echo-00001' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['count', 'label']);
    expect(res.body).not.toContain('Jane');
  });

  it('turns an unexpected error into a 500 with only a correlation id', async () => {
    failNext = true;
    const res = await call({
      headers: { 'Idempotency-Key': 'key-boom-00001', 'X-Correlation-Id': 'corr-123' },
    });
    expect(res.statusCode).toBe(500);
    expect(res.json.correlationId).toBe('corr-123');
    expect(res.headers?.['x-correlation-id']).toBe('corr-123');
    expect(res.body).not.toContain('boom');
    expect(res.body).not.toContain('555-12-3456');
  });
});
