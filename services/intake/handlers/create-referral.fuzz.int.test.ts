import { randomBytes, randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { AgreementChangedV1 } from '@carelink/contracts';
import { CreateReferralBody } from '@carelink/contracts/api/intake';
import { createDocumentClient, createServiceRuntime, tableNameVariable } from '@carelink/lambda-kit';
import { buildProxyEvent } from '@carelink/local/api/proxy-event';
import { startAwsEndpoint } from '@carelink/local/aws-endpoint';
import { useLocalAws } from '@carelink/local/aws-environment';
import { LocalBus } from '@carelink/local/bus/local-bus';
import { localCredentials, localRegion } from '@carelink/local/dynamodb/launcher';
import { ensureTable } from '@carelink/local/dynamodb/tables';
import { lambdaContext } from '@carelink/local/lambda/context';
import { patientKeySecretId, secretsOperations } from '@carelink/local/secrets-api';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import fc from 'fast-check';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { intakeManifest } from '../manifest';
import { createNetworkStore } from '../store/network-store';
import { referralBody } from '../testing/referral-fixtures';

type Handler = (
  event: APIGatewayProxyEvent,
  context: ReturnType<typeof lambdaContext>,
) => Promise<APIGatewayProxyResult>;

const tableName = `fuzz${randomBytes(4).toString('hex')}-intake`;
let handler: Handler;
let webhookHandler: Handler;

beforeAll(async () => {
  const endpoint = inject('dynamoDbEndpoint');
  useLocalAws({ dynamodb: endpoint });
  process.env[tableNameVariable('intake')] = tableName;
  const client = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
  await ensureTable(client, tableName, intakeManifest.table);
  client.destroy();
  // What the harness needs to accept a valid referral: the patient-key pepper and one agreement.
  const aws = await startAwsEndpoint(new LocalBus('fuzz'), new Map(), secretsOperations(undefined));
  aws.server.unref();
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = aws.url;
  process.env.PATIENT_KEY_SECRET_ID = patientKeySecretId;
  await createNetworkStore(createServiceRuntime('intake')).applyAgreement(AgreementChangedV1.example);
  ({ handler } = (await import('./create-referral')) as unknown as { handler: Handler });
  ({ handler: webhookHandler } = (await import('./create-webhook')) as unknown as {
    handler: Handler;
  });
});

/**
 * Items of the table other than the access-audit outbox entries every request leaves (a rejected
 * request is audited too; it must change nothing else).
 */
async function itemCount(): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await createDocumentClient().send(
      new ScanCommand({
        TableName: tableName,
        Select: 'COUNT',
        FilterExpression: 'NOT (kind = :outbox AND detailType = :access)',
        ExpressionAttributeValues: { ':outbox': 'outbox', ':access': 'AccessRecorded' },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

function call(body: string, contentType = 'application/json', path = '/v1/referrals') {
  const event = buildProxyEvent({
    method: 'POST',
    path,
    resource: path,
    headers: { 'content-type': contentType, 'idempotency-key': randomUUID() },
    body,
    claims: {
      partner_id: 'northwind-health',
      sub: 'northwind-fuzz-client',
      scope: 'referrals:read referrals:write webhooks:manage',
    },
  });
  return (path === '/v1/referrals' ? handler : webhookHandler)(event, lambdaContext('intake-fuzz'));
}

type Json = ReturnType<typeof JSON.parse>;

/** Every path of a JSON value that leads to a property or array element. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...paths(child, path)];
  });
}

function mutate(
  value: Json,
  path: (string | number)[],
  change: (parent: Json, key: string | number) => void,
) {
  const copy = structuredClone(value);
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key];
  change(parent, path.at(-1) as string | number);
  return copy;
}

const valid = JSON.parse(JSON.stringify(referralBody()));
const validPaths = paths(valid);
const objectPaths = validPaths.filter((path) => {
  const value = path.reduce((node: Json, key) => node[key], valid);
  return value !== null && typeof value === 'object' && !Array.isArray(value);
});

const malformed: fc.Arbitrary<string> = fc.oneof(
  // Any JSON at all.
  fc.jsonValue().map((v) => JSON.stringify(v)),
  // A valid referral with one field replaced by arbitrary JSON.
  fc.tuple(fc.constantFrom(...validPaths), fc.jsonValue()).map(([path, replacement]) =>
    JSON.stringify(
      mutate(valid, path, (p, k) => {
        p[k] = replacement;
      }),
    ),
  ),
  // A valid referral with one field removed.
  fc.constantFrom(...validPaths).map((path) =>
    JSON.stringify(
      mutate(valid, path, (p, k) => {
        Array.isArray(p) ? p.splice(Number(k), 1) : delete p[k];
      }),
    ),
  ),
  // A valid referral with an unknown field in one of its objects.
  fc
    .tuple(
      fc.constantFrom([] as (string | number)[], ...objectPaths),
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.jsonValue(),
    )
    .map(([path, key, extra]) =>
      JSON.stringify(
        mutate(valid, [...path, `x-${key}`], (p, k) => {
          p[k] = extra;
        }),
      ),
    ),
  // Not JSON.
  fc.string({ maxLength: 200 }).map((s) => `{${s}`),
);

describe('POST /v1/referrals with malformed bodies', () => {
  it('always answers 4xx problem+json, never 5xx, and writes nothing', async () => {
    const before = await itemCount();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(malformed, async (body) => {
        let valid = false;
        try {
          valid = CreateReferralBody.safeParse(JSON.parse(body)).success;
        } catch {
          valid = false;
        }
        fc.pre(!valid);
        runs += 1;
        const res = await call(body);
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        expect(res.headers?.['content-type']).toBe('application/problem+json');
        const problem = JSON.parse(res.body);
        expect(problem.status).toBe(res.statusCode);
        expect(problem.type).toMatch(/^https:\/\/carelink\.dev\/problems\//);
      }),
      { numRuns: 1100, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
    expect(runs).toBeGreaterThanOrEqual(1000);
    expect(await itemCount()).toBe(before);
    // Each of the 1,100 requests writes its access record: about 9 s alone, over a minute while
    // another file keeps DynamoDB Local busy.
  }, 240_000);

  it('answers 4xx to malformed webhook subscriptions too', async () => {
    const before = await itemCount();
    const url = fc.oneof(
      fc.string(),
      fc
        .webUrl({ validSchemes: ['ftp', 'http', 'ws'] })
        .filter((u) => !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(u)),
      fc.jsonValue(),
    );
    const body = fc.oneof(
      fc.jsonValue(),
      url.map((u) => ({ url: u })),
      fc.record({ url: fc.constant('https://hooks.example/x'), events: fc.jsonValue() }),
      fc.record({ url: fc.constant('https://hooks.example/x'), extra: fc.jsonValue() }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        const res = await call(JSON.stringify(value), 'application/json', '/v1/webhooks');
        if (res.statusCode === 201) return;
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
    // Only the rare well-formed https subscriptions were stored.
    const created = (await itemCount()) - before;
    expect(created).toBeLessThan(10);
  });

  it('rejects a non-JSON content type with 415 and accepts the valid body (the harness can succeed)', async () => {
    expect((await call(JSON.stringify(referralBody()), 'text/plain')).statusCode).toBe(415);
    const before = await itemCount();
    expect((await call(JSON.stringify(referralBody()))).statusCode).toBe(201);
    expect(await itemCount()).toBeGreaterThan(before);
  });
});
