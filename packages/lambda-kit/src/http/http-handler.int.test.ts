import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { AccessRecordedV1, defineRoute, standardTable, TimeLoggedV1, Ulid } from '@carelink/contracts';
import { buildProxyEvent } from '@carelink/local/api/proxy-event';
import { useLocalAws } from '@carelink/local/aws-environment';
import { ensureTable } from '@carelink/local/dynamodb/tables';
import { lambdaContext } from '@carelink/local/lambda/context';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import * as z from 'zod/mini';
import { emit } from '../outbox/commit';
import { createServiceRuntime, tableNameVariable } from '../runtime';
import { httpHandler } from './http-handler';
import { created, ok } from './response';

const route = defineRoute({
  operationId: 'createWidget',
  method: 'POST',
  path: '/v1/widgets',
  summary: 'test route',
  tag: 'test',
  scopes: ['referrals:write'],
  idempotent: true,
  body: z.strictObject({ label: z.string().check(z.maxLength(40)), count: z.int().check(z.gte(1)) }),
  responses: { 201: { description: 'created', schema: z.object({ id: z.string(), label: z.string() }) } },
});

/** What the reads answer: personal data, which the audit trail must never hold. */
const widgetRead = z.looseObject({ name: z.string(), birthDate: z.string(), mbi: z.string() });

/** A read of one patient's record, answering with personal data the audit trail must never hold. */
const readRoute = defineRoute({
  operationId: 'getPatientWidget',
  method: 'GET',
  path: '/v1/patients/{patientId}/widgets/{widgetId}',
  summary: 'test read route',
  tag: 'test',
  scopes: ['referrals:read'],
  params: z.strictObject({ patientId: Ulid, widgetId: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)) }),
  query: z.strictObject({ note: z.optional(z.string()) }),
  responses: { 200: { description: 'read', schema: widgetRead } },
});

/** A read without a patient in its path, whose handler names the patient. */
const lookupRoute = defineRoute({
  operationId: 'getWidget',
  method: 'GET',
  path: '/v1/widgets/{widgetId}',
  summary: 'test lookup route',
  tag: 'test',
  scopes: ['referrals:read'],
  params: z.strictObject({ widgetId: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)) }),
  responses: { 200: { description: 'read', schema: widgetRead } },
});

const patientId = '01JD3Y7T5V0M3Q8W9X2Z4A6B8D';
const personalData = { name: 'Maria Lopez', birthDate: '1951-04-12', mbi: '1EG4TE5MK73' };

const tableName = `kit-http-${Date.now()}`;
let handler: ReturnType<typeof httpHandler<typeof route>>;
let readHandler: ReturnType<typeof httpHandler<typeof readRoute>>;
let lookupHandler: ReturnType<typeof httpHandler<typeof lookupRoute>>;
let unrecordedReadHandler: ReturnType<typeof httpHandler<typeof readRoute>>;
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
  readHandler = httpHandler(runtime, readRoute, async ({ params }) =>
    ok({ id: params.widgetId, patientId: params.patientId, ...personalData }),
  );
  lookupHandler = httpHandler(runtime, lookupRoute, async ({ params }) => ({
    ...ok({ id: params.widgetId, ...personalData }),
    auditPatientId: patientId,
  }));
  // Same handler, but its table does not exist: the access record cannot be written.
  unrecordedReadHandler = httpHandler(
    { ...runtime, tableName: `${tableName}-missing` },
    readRoute,
    async () => ok(personalData),
  );
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

interface StoredOutboxItem {
  source: string;
  detailType: string;
  detail: string;
}

async function outboxItems(): Promise<StoredOutboxItem[]> {
  const items: StoredOutboxItem[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await runtime.db.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'kind = :k',
        ExpressionAttributeValues: { ':k': 'outbox' },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...((page.Items ?? []) as StoredOutboxItem[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Outbox items of one detail type (all requests so far). */
async function outboxCount(detailType: string = TimeLoggedV1.detailType) {
  return (await outboxItems()).filter((item) => item.detailType === detailType).length;
}

/** The outbox items a request with this correlation id left. */
async function outboxOf(correlationId: string) {
  return (await outboxItems())
    .map((item) => ({ ...item, parsed: JSON.parse(item.detail) }))
    .filter((item) => item.parsed.metadata.correlationId === correlationId);
}

async function read(options: {
  widgetId?: string;
  patient?: string;
  correlationId: string;
  claims?: Record<string, string> | null;
  use?: typeof readHandler;
}) {
  const widgetId = options.widgetId ?? 'w-1';
  const patient = options.patient ?? patientId;
  const event = buildProxyEvent({
    method: 'GET',
    path: `/v1/patients/${patient}/widgets/${widgetId}`,
    resource: readRoute.path,
    pathParameters: { patientId: patient, widgetId },
    query: new URLSearchParams({ note: 'asked by Maria Lopez' }),
    headers: { 'X-Correlation-Id': options.correlationId },
    ...(options.claims === null ? {} : { claims: options.claims ?? staffClaims }),
  });
  const result = await (options.use ?? readHandler)(event, lambdaContext('test'));
  return { ...result, json: result.body ? JSON.parse(result.body) : undefined };
}

const staffClaims = {
  sub: 'staff-boston-care-manager',
  tenant_id: 'tenant-a',
  practice_id: 'practice-boston',
  role: 'care-manager',
  scope: 'referrals:read',
};

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

  it('records each request, the replayed one too, as its own access', async () => {
    const first = await call({
      headers: { 'Idempotency-Key': 'key-replay-0002', 'X-Correlation-Id': 'corr-replay-1' },
    });
    await call({ headers: { 'Idempotency-Key': 'key-replay-0002', 'X-Correlation-Id': 'corr-replay-2' } });
    const created = await outboxOf('corr-replay-1');
    expect(created.map((item) => item.detailType).sort()).toEqual(['AccessRecorded', 'TimeLogged']);
    const replayed = await outboxOf('corr-replay-2');
    expect(replayed.map((item) => item.detailType)).toEqual(['AccessRecorded']);
    expect(replayed[0]?.parsed.data).toMatchObject({ operationId: 'createWidget', status: 201 });
    expect(first.statusCode).toBe(201);
  });

  it('answers 422 when an Idempotency-Key is reused with a different body, and writes nothing', async () => {
    await call({ headers: { 'Idempotency-Key': 'key-mismatch-01' } });
    const before = await outboxCount();
    const reused = await call({
      headers: { 'Idempotency-Key': 'key-mismatch-01', 'X-Correlation-Id': 'corr-mismatch' },
      body: JSON.stringify({ label: 'other', count: 2 }),
    });
    expect(reused.statusCode).toBe(422);
    expect(reused.json.type).toBe('https://carelink.dev/problems/idempotency-key-reused');
    expect(await outboxCount()).toBe(before);
    // Only the rejected attempt itself is recorded.
    const left = await outboxOf('corr-mismatch');
    expect(left.map((item) => [item.detailType, item.parsed.data.status])).toEqual([['AccessRecorded', 422]]);
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

describe('httpHandler access records', () => {
  it('leaves exactly one AccessRecorded outbox item for a read, with ids and codes only', async () => {
    const res = await read({ correlationId: 'corr-read-1' });
    expect(res.statusCode).toBe(200);
    expect(res.json.name).toBe('Maria Lopez');
    const items = await outboxOf('corr-read-1');
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item?.source).toBe('carelink.audit');
    expect(item?.detailType).toBe('AccessRecorded');
    expect(item?.parsed.metadata).toMatchObject({ tenantId: 'tenant-a', eventVersion: 1 });
    expect(AccessRecordedV1.data.parse(item?.parsed.data)).toEqual({
      subject: 'staff-boston-care-manager',
      role: 'care-manager',
      practiceId: 'practice-boston',
      service: 'outreach',
      operationId: 'getPatientWidget',
      method: 'GET',
      routeTemplate: '/v1/patients/{patientId}/widgets/{widgetId}',
      pathParameters: { patientId, widgetId: 'w-1' },
      patientId,
      status: 200,
      at: expect.any(String),
    });
    for (const value of [...Object.values(personalData), 'asked by'])
      expect(item?.detail).not.toContain(value);
  });

  it('adds the AccessRecorded item to a write transaction, without body values', async () => {
    const res = await call({
      headers: { 'Idempotency-Key': 'key-audit-write1', 'X-Correlation-Id': 'corr-write-1' },
      body: JSON.stringify({ label: 'Maria Lopez', count: 3 }),
    });
    expect(res.statusCode).toBe(201);
    const items = await outboxOf('corr-write-1');
    const access = items.filter((item) => item.detailType === 'AccessRecorded');
    expect(access).toHaveLength(1);
    expect(items.filter((item) => item.detailType === 'TimeLogged')).toHaveLength(1);
    expect(access[0]?.source).toBe('carelink.audit');
    expect(access[0]?.parsed.data).toEqual({
      subject: 'client-a',
      role: 'integration',
      service: 'outreach',
      operationId: 'createWidget',
      method: 'POST',
      routeTemplate: '/v1/widgets',
      pathParameters: {},
      status: 201,
      at: expect.any(String),
    });
    expect(access[0]?.detail).not.toContain('Maria');
  });

  it("records the handler's auditPatientId and never sends it", async () => {
    const event = buildProxyEvent({
      method: 'GET',
      path: '/v1/widgets/w-2',
      resource: lookupRoute.path,
      pathParameters: { widgetId: 'w-2' },
      headers: { 'X-Correlation-Id': 'corr-lookup-1' },
      claims: staffClaims,
    });
    const res = await lookupHandler(event, lambdaContext('test'));
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('auditPatientId');
    const [item, ...rest] = await outboxOf('corr-lookup-1');
    expect(rest).toHaveLength(0);
    expect(item?.parsed.data).toMatchObject({ patientId, pathParameters: { widgetId: 'w-2' } });
  });

  it('records a rejected read with its status and without the invalid path values', async () => {
    const res = await read({ correlationId: 'corr-read-bad', widgetId: 'Maria Lopez' });
    expect(res.statusCode).toBe(422);
    const items = await outboxOf('corr-read-bad');
    expect(items).toHaveLength(1);
    expect(items[0]?.parsed.data).toMatchObject({ status: 422, pathParameters: {} });
    expect(items[0]?.parsed.data.patientId).toBeUndefined();
    expect(items[0]?.detail).not.toContain('Maria');
  });

  it('fails a read closed with 503 when its access record cannot be written', async () => {
    const res = await read({ correlationId: 'corr-read-down', use: unrecordedReadHandler });
    expect(res.statusCode).toBe(503);
    expect(res.json.type).toBe('https://carelink.dev/problems/unavailable');
    expect(res.body).not.toContain('Maria');
  });

  it('records nothing for an unauthenticated request', async () => {
    const res = await read({ correlationId: 'corr-read-anon', claims: null });
    expect(res.statusCode).toBe(401);
    expect(await outboxOf('corr-read-anon')).toHaveLength(0);
  });
});
