import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { standardTable } from '@carelink/contracts';
import { createServiceRuntime, tableNameVariable } from '@carelink/lambda-kit';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { useLocalAws } from '../../packages/local/src/aws-environment';
import { startLocalCloud } from '../../packages/local/src/cloud';
import {
  localCredentials,
  localRegion,
  startDynamoDbLocal,
} from '../../packages/local/src/dynamodb/launcher';
import { ensureTable } from '../../packages/local/src/dynamodb/tables';
import { onInvocation } from '../../packages/local/src/lambda/handler-loader';
import type { StreamHandler } from '../../packages/local/src/streams/stream-relay';
import { apiClient } from '../../packages/local/src/testing/api-client';
import { composeBilling } from '../../services/billing/compose';
import { billingManifest } from '../../services/billing/manifest';
import { seedSyntheticLedgers } from '../../services/billing/testing/synthetic-ledgers';
import { referralBody } from '../../services/intake/testing/referral-fixtures';
import { type DynamoDbMeterCounts, startDynamoDbMeter } from '../dynamodb-meter';
import { type Figure, figure } from '../figure';

/**
 * On-demand prices, us-east-1, in one place. Recorded on `recordedOn` from the AWS pricing pages;
 * when they change, update them here and the date with them.
 */
export const PRICES = {
  recordedOn: '2026-12-04',
  /** Lambda, arm64: per GB-second of billed duration, and per request. */
  lambdaGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  /** DynamoDB on demand (the rates since 1 November 2024): per write and read request unit. */
  dynamoWriteUnit: 0.625 / 1e6,
  dynamoReadUnit: 0.125 / 1e6,
  /** EventBridge custom events, per event (64 KB chunk). */
  eventBridgeEvent: 1 / 1e6,
  /** SQS standard, per request (64 KB chunk). */
  sqsRequest: 0.4 / 1e6,
};

/**
 * Memory of each kind of function as infra configures it (infra/constructs/service.ts: API routes
 * and schedules 1024 MB; the outbox relay, consumers and the token trigger the 512 MB default of
 * infra/constructs/service-function.ts).
 */
const MEMORY_MB = { api: 1024, schedule: 1024, relay: 512, consumer: 512, trigger: 512 } as const;
type FunctionKind = keyof typeof MEMORY_MB;
const memoryOf = (use: FunctionUse) => use.memoryMb ?? MEMORY_MB[use.kind];
/** The billing run worker's memory, from billing's manifest. */
const RUN_WORKER_MEMORY_MB =
  billingManifest.subscriptions.find((subscription) => subscription.name === 'run-worker')?.memorySize ??
  MEMORY_MB.consumer;

interface FunctionUse {
  kind: FunctionKind;
  invocations: number;
  /** Sum of each invocation's duration rounded up to the ms, as Lambda bills it. */
  billedMs: number;
  /** The function's memory when its manifest sets one, instead of its kind's. */
  memoryMb?: number;
}

interface Usage {
  functions: Map<string, FunctionUse>;
  dynamo: DynamoDbMeterCounts;
  events: number;
  /** SQS requests: one send per message, one receive and one delete per consumer batch. */
  sqs: { sends: number; batches: number };
}

interface Cost {
  lambdaGbSeconds: number;
  lambdaRequests: number;
  writeUnits: number;
  readUnits: number;
  events: number;
  sqsRequests: number;
  usd: { lambdaDuration: number; lambdaRequests: number; dynamo: number; events: number; sqs: number };
  total: number;
}

/** The usage priced, scaled by `scale` (e.g. 1,000 / referrals measured). */
function price(usage: Usage, scale: number): Cost {
  let gbSeconds = 0;
  let requests = 0;
  for (const use of usage.functions.values()) {
    gbSeconds += (memoryOf(use) / 1024) * (use.billedMs / 1000);
    requests += use.invocations;
  }
  const writeUnits = (usage.dynamo.writeUnits + usage.dynamo.indexWriteUnits) * scale;
  const readUnits = usage.dynamo.readUnits * scale;
  const sqsRequests = (usage.sqs.sends + 2 * usage.sqs.batches) * scale;
  const cost = {
    lambdaGbSeconds: gbSeconds * scale,
    lambdaRequests: requests * scale,
    writeUnits,
    readUnits,
    events: usage.events * scale,
    sqsRequests,
  };
  const usd = {
    lambdaDuration: cost.lambdaGbSeconds * PRICES.lambdaGbSecond,
    lambdaRequests: cost.lambdaRequests * PRICES.lambdaRequest,
    dynamo: writeUnits * PRICES.dynamoWriteUnit + readUnits * PRICES.dynamoReadUnit,
    events: cost.events * PRICES.eventBridgeEvent,
    sqs: sqsRequests * PRICES.sqsRequest,
  };
  return { ...cost, usd, total: Object.values(usd).reduce((a, b) => a + b, 0) };
}

const usd = (n: number) => `$${n < 0.01 ? n.toFixed(5) : n.toFixed(4)}`;
const num = (n: number) => Math.round(n).toLocaleString('en-US');

function breakdown(cost: Cost): string {
  return [
    `Lambda ${num(cost.lambdaGbSeconds * 1000)} GB-ms = ${cost.lambdaGbSeconds.toFixed(2)} GB-s ${usd(cost.usd.lambdaDuration)} + ${num(cost.lambdaRequests)} requests ${usd(cost.usd.lambdaRequests)}`,
    `DynamoDB ${num(cost.writeUnits)} WRU + ${num(cost.readUnits)} RRU ${usd(cost.usd.dynamo)}`,
    `EventBridge ${num(cost.events)} events ${usd(cost.usd.events)}`,
    `SQS ${num(cost.sqsRequests)} requests ${usd(cost.usd.sqs)}`,
  ].join('; ');
}

function printTable(title: string, usage: Usage, cost: Cost, scale: number): void {
  const rows: [string, string, string][] = [];
  for (const [name, use] of [...usage.functions.entries()].sort()) {
    rows.push([
      `Lambda ${name} (${use.kind}, ${memoryOf(use)} MB)`,
      `${num(use.invocations * scale)} invocations, ${((memoryOf(use) / 1024) * (use.billedMs / 1000) * scale).toFixed(2)} GB-s`,
      '',
    ]);
  }
  rows.push(['Lambda GB-s', cost.lambdaGbSeconds.toFixed(2), usd(cost.usd.lambdaDuration)]);
  rows.push(['Lambda requests', num(cost.lambdaRequests), usd(cost.usd.lambdaRequests)]);
  rows.push([
    'DynamoDB write units',
    `${num(cost.writeUnits)} (GSI ${num(usage.dynamo.indexWriteUnits * scale)}, assumed 1 KB ${num(usage.dynamo.writeUnitsAssumedOneKb * scale)})`,
    usd(cost.writeUnits * PRICES.dynamoWriteUnit),
  ]);
  rows.push(['DynamoDB read units', num(cost.readUnits), usd(cost.readUnits * PRICES.dynamoReadUnit)]);
  rows.push(['EventBridge events', num(cost.events), usd(cost.usd.events)]);
  rows.push(['SQS requests', num(cost.sqsRequests), usd(cost.usd.sqs)]);
  rows.push(['total', '', usd(cost.total)]);
  const header: [string, string, string] = [title, 'count', `USD (prices of ${PRICES.recordedOn})`];
  const widths = [0, 1, 2].map((i) => Math.max(...[header, ...rows].map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(
    [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n'),
  );
}

/** A stream function that times lambda-kit's outbox relay per invocation, named for its table. */
function timedRelay(
  record: (name: string, ms: number) => void,
  prefix: string,
): () => Promise<StreamHandler> {
  const path = new URL('../../packages/lambda-kit/src/handlers/outbox-relay.ts', import.meta.url).pathname;
  return async () => {
    const relay = ((await import(path)) as { handler: StreamHandler }).handler;
    return async (event: DynamoDBStreamEvent) => {
      const table = /:table\/([^/]+)\//.exec(event.Records[0]?.eventSourceARN ?? '')?.[1] ?? 'unknown';
      const started = performance.now();
      try {
        return await relay(event);
      } finally {
        record(`${table.slice(prefix.length + 1)}-outbox-relay`, performance.now() - started);
      }
    };
  };
}

/** Everything N referrals cause on the local cloud with every service: functions, DynamoDB, events, queues. */
async function referralUsage(count: number): Promise<{ usage: Usage; eventTypes: Map<string, number> }> {
  const dynamo = await startDynamoDbLocal();
  const meter = await startDynamoDbMeter(dynamo.endpoint);
  const prefix = `cost${Date.now()}`;
  const functions = new Map<string, FunctionUse>();
  let counting = false;
  let queueNames = new Set<string>();
  const record = (name: string, ms: number, kind: FunctionKind) => {
    if (!counting) return;
    const use = functions.get(name) ?? { kind, invocations: 0, billedMs: 0 };
    use.invocations++;
    use.billedMs += Math.max(1, Math.ceil(ms));
    functions.set(name, use);
  };
  const kindOf = (name: string): FunctionKind =>
    queueNames.has(name) ? 'consumer' : name.endsWith('-pre-token-generation') ? 'trigger' : 'api';
  const unsubscribe = onInvocation((i) => record(i.functionName, i.durationMs, kindOf(i.functionName)));
  try {
    const cloud = await startLocalCloud({
      prefix,
      dynamoDbEndpoint: dynamo.endpoint,
      functionsDynamoDbEndpoint: meter.url,
      outboxRelay: timedRelay((name, ms) => record(name, ms, 'relay'), prefix),
    });
    try {
      queueNames = new Set(cloud.queues.keys());
      let sends = 0;
      let consumed = 0;
      for (const queue of cloud.queues.values()) {
        queue.onProcessed(() => {
          if (counting) consumed++;
        });
      }
      // The journeys' date and a referral eligibility finds for CCM (three chronic conditions, Medicare,
      // a visit within 12 months), so each referral runs the whole cascade to an open case.
      cloud.setClock(new Date('2026-10-01T13:00:00Z'));
      const partner = await apiClient(cloud, 'northwind-health');
      const body = () =>
        referralBody({
          coverage: { payerId: 'acme-medicare', planType: 'medicare', startDate: '2026-01-01' },
          diagnoses: [{ code: 'E11.9' }, { code: 'I50.22' }, { code: 'N18.30' }],
          attributedPractitioner: { npi: '1234567893', lastVisitDate: '2026-06-15' },
        });
      // Warm every function on the path once, as warm Lambdas would be; then count from zero.
      for (let i = 0; i < 2; i++) await partner.post('/v1/referrals', body());
      await cloud.settle(60_000);
      const eventsBefore = cloud.bus.events().length;
      const eventTypes = new Map<string, number>();
      const stopEvents = cloud.bus.onEvent((event) => {
        eventTypes.set(event['detail-type'], (eventTypes.get(event['detail-type']) ?? 0) + 1);
      });
      // An event reaches a queue for every rule it matches: each is one SendMessage.
      const rules = cloud.bus.listRules();
      meter.reset();
      counting = true;
      for (let i = 0; i < count; i++) {
        const res = await partner.post('/v1/referrals', body());
        if (res.status !== 201) throw new Error(`create referral: ${res.status} ${JSON.stringify(res.body)}`);
      }
      await cloud.settle(120_000);
      counting = false;
      stopEvents();
      const events = cloud.bus.events().slice(eventsBefore);
      for (const event of events) {
        for (const rule of rules) {
          if (
            (rule.pattern as { source: string[] }).source.includes(event.source) &&
            (rule.pattern as { 'detail-type': string[] })['detail-type'].includes(event['detail-type'])
          )
            sends++;
        }
      }
      let batches = 0;
      for (const [name, use] of functions) if (queueNames.has(name)) batches += use.invocations;
      if (consumed < sends) throw new Error(`only ${consumed} of ${sends} queued messages were processed`);
      return {
        usage: { functions, dynamo: meter.counts(), events: events.length, sqs: { sends, batches } },
        eventTypes,
      };
    } finally {
      await cloud.stop();
    }
  } finally {
    unsubscribe();
    await meter.stop();
    await dynamo.stop();
  }
}

/** A billing run over N synthetic patient-month ledgers: its DynamoDB units and its one function's time. */
async function billingUsage(count: number): Promise<{ usage: Usage; patientMonths: number; ms: number }> {
  const dynamo = await startDynamoDbLocal();
  const meter = await startDynamoDbMeter(dynamo.endpoint);
  try {
    useLocalAws({ dynamodb: meter.url });
    // The referrals ran on the journeys' date; the run bills a month that has ended by today.
    process.env.CARELINK_CLOCK_OFFSET_MS = '0';
    const tableName = `cost-billing-${Date.now()}`;
    process.env[tableNameVariable('billing')] = tableName;
    await ensureTable(
      new DynamoDBClient({ endpoint: dynamo.endpoint, region: localRegion, credentials: localCredentials }),
      tableName,
      standardTable,
    );
    const runtime = createServiceRuntime('billing');
    const args = { tenantId: 'acme-health', practiceId: 'practice-boston', month: '2026-10' };
    await seedSyntheticLedgers(runtime, { ...args, count });
    meter.reset();
    const started = performance.now();
    const { run } = await composeBilling(runtime).startRun({
      ...args,
      trigger: 'cli',
      correlationId: runtime.newId(),
    });
    const ms = performance.now() - started;
    // The run executes in billing's run worker, one request event and one message per run.
    const functions = new Map<string, FunctionUse>([
      [
        'billing-run-worker',
        { kind: 'consumer', invocations: 1, billedMs: Math.ceil(ms), memoryMb: RUN_WORKER_MEMORY_MB },
      ],
    ]);
    return {
      usage: { functions, dynamo: meter.counts(), events: 1, sqs: { sends: 1, batches: 1 } },
      patientMonths: run.totals?.patientMonths ?? 0,
      ms,
    };
  } finally {
    await meter.stop();
    await dynamo.stop();
  }
}

const describeRequests = (counts: DynamoDbMeterCounts, scale: number) =>
  Object.entries(counts.requests)
    .sort(([, a], [, b]) => b - a)
    .map(([op, n]) => `${num(n * scale)} ${op}`)
    .join(', ');

/**
 * What 1,000 referrals and 10,000 billed patient-months cost on AWS at on-demand prices, from the
 * counts measured on the local cloud: function invocations and their durations, DynamoDB request
 * units, EventBridge events and SQS requests.
 */
export async function costFigures(
  referrals = Number(process.env.BENCH_COST_REFERRALS ?? 100),
  ledgers = Number(process.env.BENCH_COST_LEDGERS ?? 1_000),
): Promise<Figure[]> {
  const pricesNote = `on-demand us-east-1 prices recorded ${PRICES.recordedOn} (update PRICES in bench/figures/cost.ts)`;
  const proxyNote =
    'Lambda duration is the handler time measured in process on the local cloud, a proxy for billed duration (no cold starts)';

  const referral = await referralUsage(referrals);
  const referralScale = 1_000 / referrals;
  const referralCost = price(referral.usage, referralScale);
  printTable(`per 1,000 referrals (measured ${referrals})`, referral.usage, referralCost, referralScale);

  const billing = await billingUsage(ledgers);
  const billingScale = 10_000 / billing.patientMonths;
  const billingCost = price(billing.usage, billingScale);
  printTable(
    `per 10,000 billed patient-months (measured ${billing.patientMonths})`,
    billing.usage,
    billingCost,
    billingScale,
  );

  const events = [...referral.eventTypes.entries()].map(([type, n]) => `${num(n * referralScale)} ${type}`);
  const invocations = [...referral.usage.functions.entries()]
    .sort(([, a], [, b]) => b.invocations - a.invocations)
    .map(([name, use]) => `${num(use.invocations * referralScale)} ${name}`);
  return [
    figure(
      {
        figure: 'cost: per 1,000 referrals',
        value: referralCost.total,
        unit: 'USD',
        baseline: referralCost.usd.dynamo,
        baselineLabel: 'DynamoDB request units alone',
        target: 'reported (no budget set)',
        pass: true,
        note: `${breakdown(referralCost)}. Measured over ${referrals} referrals on the local cloud with every service, scaled to 1,000; ${pricesNote}. ${proxyNote}. Invocations: ${invocations.join(', ')}. Events: ${events.join(', ')}. SQS: ${num(referral.usage.sqs.sends * referralScale)} sends (one per rule match) + a receive and a delete per consumer batch (${num(referral.usage.sqs.batches * referralScale)}); pollers' empty receives excluded. DynamoDB: ${describeRequests(referral.usage.dynamo, referralScale)}; write units from item sizes by DynamoDB's rules (updates, deletes and condition checks at 1 KB: ${num(referral.usage.dynamo.writeUnitsAssumedOneKb * referralScale)}; GSI puts ${num(referral.usage.dynamo.indexWriteUnits * referralScale)}), read units as DynamoDB Local reports them; stream reads by Lambda are free.`,
      },
      5,
    ),
    figure(
      {
        figure: 'cost: per 10,000 billed patient-months',
        value: billingCost.total,
        unit: 'USD',
        baseline: billingCost.usd.dynamo,
        baselineLabel: 'DynamoDB request units alone',
        target: 'reported (no budget set)',
        pass: true,
        note: `${breakdown(billingCost)}. One monthly run over ${billing.patientMonths} synthetic patient-months (${Math.round(billing.ms)} ms in one invocation of the ${RUN_WORKER_MEMORY_MB} MB run worker), scaled ×${billingScale.toFixed(1)} to 10,000 (duration assumed linear); the run alone, not the ledger writes before it; ${pricesNote}. ${proxyNote}. DynamoDB: ${describeRequests(billing.usage.dynamo, billingScale)}; write units from item sizes (updates at 1 KB: ${num(billing.usage.dynamo.writeUnitsAssumedOneKb * billingScale)}; GSI puts ${num(billing.usage.dynamo.indexWriteUnits * billingScale)}), read units as DynamoDB Local reports them.`,
      },
      5,
    ),
  ];
}
