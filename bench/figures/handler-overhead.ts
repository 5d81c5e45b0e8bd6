import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { AgreementChangedV1 } from '@carelink/contracts';
import { buildProxyEvent } from '../../packages/local/src/api/proxy-event';
import { startAwsEndpoint } from '../../packages/local/src/aws-endpoint';
import { LocalBus } from '../../packages/local/src/bus/local-bus';
import { lambdaContext } from '../../packages/local/src/lambda/context';
import { patientKeySecretId, secretsOperations } from '../../packages/local/src/secrets-api';
import { referralBody } from '../../services/intake/testing/referral-fixtures';
import { type Figure, figure, percentile, sortNumbers } from '../figure';
import { withServiceTable } from '../service-table';

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
interface CallStats {
  commands: Map<string, number>;
  capacity: number;
}

const claims = {
  sub: 'northwind-bench-client',
  client_id: 'northwind-bench-client',
  partner_id: 'northwind-health',
  scope: 'referrals:read referrals:write',
};

/**
 * `POST /v1/referrals` through the full lambda-kit stack (claims, validation, idempotency check,
 * the referral's reads, one outbox transaction) against a bare function sending the same
 * TransactWriteItems, both in process on the same DynamoDB Local. Also lists the DynamoDB calls and
 * consumed capacity per API operation.
 */
export async function handlerOverheadFigures(iterations = 600): Promise<Figure[]> {
  return withServiceTable('intake', async () => {
    // What a referral needs besides the table: the patient-key pepper and the partner's network.
    const aws = await startAwsEndpoint(new LocalBus('bench'), new Map(), secretsOperations(undefined));
    aws.server.unref();
    process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = aws.url;
    process.env.PATIENT_KEY_SECRET_ID = patientKeySecretId;
    const { runtime, network } = (await import('../../services/intake/runtime')).intake;
    await network.applyAgreement(AgreementChangedV1.example);
    const create = (await import('../../services/intake/handlers/create-referral'))
      .handler as unknown as Handler;
    const get = (await import('../../services/intake/handlers/get-referral')).handler as unknown as Handler;

    // Count every DynamoDB call and ask for consumed capacity, per API operation.
    let current: CallStats = { commands: new Map(), capacity: 0 };
    let lastTransaction: TransactWriteCommandInput | undefined;
    runtime.db.middlewareStack.add(
      (next, context) => async (args) => {
        const name = (context as { commandName?: string }).commandName ?? 'unknown';
        current.commands.set(name, (current.commands.get(name) ?? 0) + 1);
        (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
        if (name === 'TransactWriteItemsCommand') lastTransaction = args.input as TransactWriteCommandInput;
        const result = await next(args);
        const consumed = (
          result.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] }
        ).ConsumedCapacity;
        for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : [])
          current.capacity += c.CapacityUnits ?? 0;
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

    const timeAll = async (n: number, fn: (i: number) => Promise<unknown>) => {
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const started = performance.now();
        await fn(i);
        samples.push(performance.now() - started);
      }
      return sortNumbers(samples);
    };

    for (let i = 0; i < 50; i++) await post(-i - 1);
    current = { commands: new Map(), capacity: 0 };
    const created = await post(1_000_000);
    const createStats = current;
    const template = lastTransaction;
    const referralId = (JSON.parse(created.body) as { id: string }).id;
    current = { commands: new Map(), capacity: 0 };
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
    current = { commands: new Map(), capacity: 0 };
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

    const interleavedFull: number[] = [];
    const interleavedBare: number[] = [];
    for (let round = 0; round < 3; round++) {
      interleavedBare.push(...(await timeAll(iterations / 3, (i) => bare(round * 100_000 + i))));
      interleavedFull.push(...(await timeAll(iterations / 3, (i) => post(round * 100_000 + i))));
    }
    const full = sortNumbers(interleavedFull);
    const base = sortNumbers(interleavedBare);
    const describeCalls = (stats: CallStats) =>
      `${[...stats.commands.entries()].map(([name, n]) => `${n} ${name.replace('Command', '')}`).join(', ')}; ${stats.capacity} capacity units`;
    return [
      figure({
        figure: 'handler: POST /v1/referrals p50',
        value: percentile(full, 50),
        unit: 'ms',
        baseline: percentile(base, 50),
        baselineLabel: 'bare TransactWriteItems p50',
        target: '<= 1.3x',
        pass: percentile(full, 50) <= 1.3 * percentile(base, 50),
        note: `create: ${describeCalls(createStats)} (${template.TransactItems.length} items in the transaction); get: ${describeCalls(getStats)}`,
      }),
      figure({
        figure: 'handler: POST /v1/referrals p99',
        value: percentile(full, 99),
        unit: 'ms',
        baseline: percentile(base, 99),
        baselineLabel: 'bare TransactWriteItems p99',
        target: '<= 1.5x',
        pass: percentile(full, 99) <= 1.5 * percentile(base, 99),
      }),
    ];
  });
}
