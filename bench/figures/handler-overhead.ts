import {
  type PutCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { AgreementChangedV1 } from '@carelink/contracts';
import { buildProxyEvent } from '../../packages/local/src/api/proxy-event';
import { startAwsEndpoint } from '../../packages/local/src/aws-endpoint';
import { LocalBus } from '../../packages/local/src/bus/local-bus';
import { lambdaContext } from '../../packages/local/src/lambda/context';
import { patientKeySecretId, secretsOperations } from '../../packages/local/src/secrets-api';
import { referralBody } from '../../services/intake/testing/referral-fixtures';
import { type Figure, figure, percentile, sortNumbers } from '../figure';
import { withServiceTable } from '../service-table';
import { itemSize, putWriteUnits, transactionWriteUnits } from '../write-units';

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
interface CallStats {
  commands: Map<string, number>;
  /** Read units as DynamoDB Local reports them (consistent reads, 4 KB each). */
  readUnits: number;
  /** Write units at DynamoDB's billing rules, from the items' sizes. */
  writeUnits: number;
}

const noCalls = (): CallStats => ({ commands: new Map(), readUnits: 0, writeUnits: 0 });

const claims = {
  sub: 'northwind-bench-client',
  client_id: 'northwind-bench-client',
  partner_id: 'northwind-health',
  scope: 'referrals:read referrals:write',
};

/**
 * Samples of each side. A p99 is the 20th-slowest of 2,000: with 600 it was the 6th, and one stray
 * pause of the machine moved the p99 ratio between 1.1 and 1.4 from run to run (docs/decisions/0014).
 */
const HANDLER_SAMPLES = 2_000;

/**
 * `POST /v1/referrals` through the full lambda-kit stack (claims, validation, the routing and member
 * link reads, one outbox transaction with the idempotency and access records) against a bare
 * function sending the same TransactWriteItems, both in process on the same DynamoDB Local, one of
 * each in turn so that load from elsewhere on the machine falls on both alike. Also lists the
 * DynamoDB calls, read and write units of a create and of a read, and the created items' sizes.
 */
export async function handlerOverheadFigures(iterations = HANDLER_SAMPLES): Promise<Figure[]> {
  return withServiceTable('intake', async () => {
    // What a referral needs besides the table: the patient-key pepper and the partner's network.
    const aws = await startAwsEndpoint(new LocalBus('bench'), new Map(), secretsOperations(undefined));
    aws.server.unref();
    process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = aws.url;
    process.env.PATIENT_KEY_SECRET_ID = patientKeySecretId;
    const { runtime, network } = await import('../../services/intake/runtime');
    await network.applyAgreement(AgreementChangedV1.example);
    const create = (await import('../../services/intake/handlers/create-referral'))
      .handler as unknown as Handler;
    const get = (await import('../../services/intake/handlers/get-referral')).handler as unknown as Handler;

    // Count every DynamoDB call, its read units (as reported) and write units (from item sizes).
    let current = noCalls();
    let lastTransaction: TransactWriteCommandInput | undefined;
    runtime.db.middlewareStack.add(
      (next, context) => async (args) => {
        const name = (context as { commandName?: string }).commandName ?? 'unknown';
        current.commands.set(name, (current.commands.get(name) ?? 0) + 1);
        if (name === 'TransactWriteItemsCommand') {
          lastTransaction = args.input as TransactWriteCommandInput;
          current.writeUnits += transactionWriteUnits(lastTransaction);
        } else if (name === 'PutItemCommand') {
          current.writeUnits += putWriteUnits((args.input as PutCommandInput).Item ?? {});
        } else {
          (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
        }
        const result = await next(args);
        const consumed = (
          result.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] }
        ).ConsumedCapacity;
        for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : [])
          current.readUnits += c.CapacityUnits ?? 0;
        return result;
      },
      { step: 'initialize', name: 'benchCounter' },
    );

    const post = (i: number) =>
      create(
        buildProxyEvent({
          method: 'POST',
          path: '/v1/referrals',
          resource: '/v1/referrals',
          headers: { 'content-type': 'application/json', 'idempotency-key': `bench-key-${Date.now()}-${i}` },
          body: JSON.stringify(referralBody()),
          claims,
        }),
        lambdaContext('intake-createReferral'),
      );

    const time = async (fn: () => Promise<unknown>) => {
      const started = performance.now();
      await fn();
      return performance.now() - started;
    };

    for (let i = 0; i < 50; i++) await post(-i - 1);
    current = noCalls();
    const created = await post(1_000_000);
    const createStats = current;
    const template = lastTransaction;
    const referralId = (JSON.parse(created.body) as { id: string }).id;
    current = noCalls();
    await get(
      buildProxyEvent({
        method: 'GET',
        path: `/v1/referrals/${referralId}`,
        resource: '/v1/referrals/{referralId}',
        pathParameters: { referralId },
        claims,
      }),
      lambdaContext('intake-getReferral'),
    );
    const getStats = current;
    current = noCalls();
    if (!template?.TransactItems) throw new Error('no transaction captured');

    // The bare baseline: the same items, fresh keys, one TransactWriteItems, nothing else.
    const bare = (i: number) =>
      runtime.db.send(
        new TransactWriteCommand({
          TransactItems: template.TransactItems?.map((item) => {
            const put = item.Put;
            if (!put) return item;
            return { Put: { ...put, Item: { ...put.Item, pk: `${String(put.Item?.pk)}#bare${i}` } } };
          }),
        }),
      );
    for (let i = 0; i < 50; i++) await bare(-i - 1);

    // One of each in turn, the order swapped every other time so neither always follows the other.
    const fullSamples: number[] = [];
    const bareSamples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      if (i % 2 === 0) {
        bareSamples.push(await time(() => bare(i)));
        fullSamples.push(await time(() => post(i)));
      } else {
        fullSamples.push(await time(() => post(i)));
        bareSamples.push(await time(() => bare(i)));
      }
    }
    const full = sortNumbers(fullSamples);
    const base = sortNumbers(bareSamples);
    const describeCalls = (stats: CallStats) =>
      `${[...stats.commands.entries()].map(([name, n]) => `${n} ${name.replace('Command', '')}`).join(', ')}; ${stats.writeUnits} write units, ${stats.readUnits} read units`;
    const itemSizes = template.TransactItems.map((entry) => {
      const item = entry.Put?.Item;
      if (!item) return 'check';
      const label = item.sk === 'OUTBOX' ? String(item.detailType) : String(item.sk).toLowerCase();
      return `${label} ${itemSize(item)}`;
    }).join(', ');
    return [
      figure({
        figure: 'handler: POST /v1/referrals p50',
        value: percentile(full, 50),
        unit: 'ms',
        baseline: percentile(base, 50),
        baselineLabel: 'bare TransactWriteItems p50',
        target: '<= 1.3x',
        pass: percentile(full, 50) <= 1.3 * percentile(base, 50),
        note: `create: ${describeCalls(createStats)} (${template.TransactItems.length} items in the transaction, bytes: ${itemSizes}); get: ${describeCalls(getStats)}`,
      }),
      figure({
        figure: 'handler: POST /v1/referrals p99',
        value: percentile(full, 99),
        unit: 'ms',
        baseline: percentile(base, 99),
        baselineLabel: 'bare TransactWriteItems p99',
        target: '<= 1.3x',
        pass: percentile(full, 99) <= 1.3 * percentile(base, 99),
      }),
    ];
  });
}
