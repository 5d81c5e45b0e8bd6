import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, paginateScan } from '@aws-sdk/lib-dynamodb';
import {
  type BusEvent,
  type DynamoDbLocal,
  type LocalCloud,
  type LocalQueue,
  localCredentials,
  localRegion,
  startDynamoDbLocal,
  startLocalCloud,
} from '@carelink/local';
import { type CrashingOutboxRelay, crashingOutboxRelay } from '@carelink/local/faults/crashing-outbox-relay';
import { startThrottleProxy, type ThrottleProxy } from '@carelink/local/faults/dynamodb-throttle-proxy';
import { deriveSeed, seededDraw, seededRandom } from '@carelink/local/faults/seeded-random';
import { type ApiClient, apiClientWithToken } from '@carelink/local/testing/api-client';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerFaultVariables, failsFirstDelivery } from './fixture/consumer-faults';
import { faultFixtureManifest } from './fixture/manifest';

/** State changes to drive through the pipeline (FAULT_STATE_CHANGES overrides, e.g. for a quick run). */
const STATE_CHANGES = Number(process.env.FAULT_STATE_CHANGES ?? 1000);
/** Every fault decision derives from this seed, so a run can be repeated (FAULT_SEED overrides). */
const SEED = Number(process.env.FAULT_SEED ?? 20_260_601);
/** The share of each kind of operation that fails (FAULT_RATE overrides). */
const FAULT_RATE = Number(process.env.FAULT_RATE ?? 0.1);
const CREATE_CONCURRENCY = 12;
/**
 * Room for a loaded machine: 1,000 changes settle in 2 to 3 minutes on a busy 2-core machine, most
 * of it in consumers waiting out throttled writes and poison messages.
 */
const SETTLE_TIMEOUT_MS = 240_000;
const TENANT = 'acme-health';
/** A tenant integration's client: this cloud seeds nobody, so the test signs its token directly. */
const INTEGRATION = {
  clientId: 'faults-integration',
  clientSecret: '',
  kind: 'staff' as const,
  tenantId: TENANT,
  practiceId: 'practice-boston',
  subject: 'faults-integration',
  scopes: ['outreach:write'],
};
const CONSUMER_QUEUE = 'intake-probe-consumer';
const DETAIL_TYPE = 'ProbeRecorded';

let dynamo: DynamoDbLocal;
let proxy: ThrottleProxy;
let relay: CrashingOutboxRelay;
let cloud: LocalCloud;
let reader: DynamoDBDocumentClient;
/** Faults are injected only while this is on (not during start-up or the read-back). */
const faults = { on: false };
const putEventsFaults: Record<string, number> = {};
const putEventsEntries = { seen: 0 };
const published = new Map<string, { sequence: number; times: number }>();
const deliveries = { succeeded: 0, failed: 0, messages: new Set<string>() };

beforeAll(async () => {
  // Retries and duplicates are provoked on purpose; keep their warnings out of the run's output.
  process.env.POWERTOOLS_LOG_LEVEL = process.env.FAULT_LOG_LEVEL ?? 'CRITICAL';
  process.env[consumerFaultVariables.seed] = String(SEED);
  process.env[consumerFaultVariables.rate] = String(FAULT_RATE);

  dynamo = await startDynamoDbLocal();
  const throttleDraw = seededRandom(deriveSeed(SEED, 'dynamodb-throttle'));
  proxy = await startThrottleProxy({
    target: dynamo.endpoint,
    shouldThrottle: () => faults.on && throttleDraw() < FAULT_RATE,
  });
  const crashDraw = seededRandom(deriveSeed(SEED, 'relay-crash'));
  // Invocations are few (up to 100 records each), so the second one crashes if none has yet.
  relay = crashingOutboxRelay({
    shouldCrash: () =>
      faults.on && (crashDraw() < FAULT_RATE || (relay.stats.crashes === 0 && relay.stats.invocations >= 2)),
  });
  cloud = await startLocalCloud({
    dynamoDbEndpoint: dynamo.endpoint,
    functionsDynamoDbEndpoint: proxy.url,
    outboxRelay: async () => relay.handler,
    manifests: [faultFixtureManifest],
    prefix: 'faults',
    maxVisibilityTimeoutMs: 4000,
    seed: false,
  });

  const entryDraw = seededRandom(deriveSeed(SEED, 'put-events'));
  const codes = ['ThrottlingException', 'InternalFailure'] as const;
  cloud.bus.failEntry = () => {
    putEventsEntries.seen++;
    if (!faults.on || entryDraw() >= FAULT_RATE) return undefined;
    const code = codes[Math.floor(entryDraw() * codes.length)] ?? 'InternalFailure';
    putEventsFaults[code] = (putEventsFaults[code] ?? 0) + 1;
    return code;
  };
  cloud.bus.onEvent((event: BusEvent) => {
    if (event['detail-type'] !== DETAIL_TYPE) return;
    const detail = event.detail as { metadata: { eventId: string }; data: { sequence: number } };
    const seen = published.get(detail.metadata.eventId);
    if (seen) seen.times++;
    else published.set(detail.metadata.eventId, { sequence: detail.data.sequence, times: 1 });
  });
  consumerQueue().onProcessed((message, succeeded) => {
    if (succeeded) {
      deliveries.succeeded++;
      deliveries.messages.add(message.messageId);
    } else deliveries.failed++;
  });

  reader = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: dynamo.endpoint, region: localRegion, credentials: localCredentials }),
  );
});

afterAll(async () => {
  faults.on = false;
  await cloud?.stop();
  reader?.destroy();
  await proxy?.stop();
  await dynamo?.stop();
});

function consumerQueue(): LocalQueue {
  const queue = cloud.queues.get(CONSUMER_QUEUE);
  if (!queue) throw new Error(`no queue ${CONSUMER_QUEUE}`);
  return queue;
}

function deadLetterQueue(): LocalQueue {
  const queue = cloud.queues.get(`${CONSUMER_QUEUE}-dlq`);
  if (!queue) throw new Error(`no queue ${CONSUMER_QUEUE}-dlq`);
  return queue;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface CreateOutcome {
  sequence: number;
  probeId: string;
  attempts: number;
  /** Answers the caller never saw (the 201 was lost on the way back), so it asked again. */
  lostAnswers: number;
  replayed: boolean;
}

/** Whether the first answer to this create is lost on its way back to the caller (seeded). */
const answerLost = (sequence: number) =>
  seededDraw(deriveSeed(SEED, 'lost-answer'), String(sequence)) < FAULT_RATE / 2;

/**
 * Creates one probe as an integrator would: on a 5xx, a 429 or no answer at all it retries with
 * the same Idempotency-Key, so a retried create is one state change whatever happened to the
 * first try, and a replayed answer names the probe the first try created.
 */
async function createProbe(api: ApiClient, sequence: number): Promise<CreateOutcome> {
  const key = `probe-${SEED}-${sequence}`;
  let firstId: string | undefined;
  let lostAnswers = 0;
  for (let attempt = 1; ; attempt++) {
    const res = await api.post<{ id: string }>('/v1/probes', { sequence }, { 'idempotency-key': key });
    if (res.status === 201) {
      if (firstId !== undefined && res.body.id !== firstId) {
        throw new Error(`create ${sequence} was applied twice (${firstId}, ${res.body.id})`);
      }
      firstId = res.body.id;
      if (lostAnswers === 0 && faults.on && answerLost(sequence)) {
        lostAnswers++;
        continue;
      }
      return {
        sequence,
        probeId: res.body.id,
        attempts: attempt,
        lostAnswers,
        replayed: res.headers.get('idempotent-replayed') === 'true',
      };
    }
    if ((res.status < 500 && res.status !== 429) || attempt >= 8) {
      throw new Error(`create ${sequence} answered ${res.status} on attempt ${attempt}`);
    }
    await sleep(Math.min(1000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2));
  }
}

async function createAll(api: ApiClient, count: number): Promise<CreateOutcome[]> {
  const outcomes: CreateOutcome[] = [];
  let next = 1;
  const worker = async () => {
    while (next <= count) {
      const sequence = next++;
      outcomes.push(await createProbe(api, sequence));
    }
  };
  await Promise.all(Array.from({ length: CREATE_CONCURRENCY }, worker));
  return outcomes;
}

async function appliedCounters(): Promise<Map<number, number>> {
  const applied = new Map<number, number>();
  const pages = paginateScan(
    { client: reader },
    {
      TableName: cloud.tableName('intake'),
      FilterExpression: 'sk = :sk',
      ExpressionAttributeValues: { ':sk': 'APPLIED' },
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) applied.set(item.sequence as number, item.applied as number);
  }
  return applied;
}

async function tenantTotal(): Promise<number> {
  const { Item } = await reader.send(
    new GetCommand({
      TableName: cloud.tableName('intake'),
      Key: { pk: `T#${TENANT}#PROBE-TOTAL`, sk: 'TOTAL' },
      ConsistentRead: true,
    }),
  );
  return (Item?.applied as number | undefined) ?? 0;
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

describe('the event pipeline under injected faults', () => {
  it(
    `loses and duplicates nothing over ${STATE_CHANGES} state changes with ~${FAULT_RATE * 100}% faults of each kind`,
    async () => {
      const api = apiClientWithToken(cloud, await cloud.issuer.sign(INTEGRATION));
      const started = Date.now();
      faults.on = true;
      const outcomes = await createAll(api, STATE_CHANGES);
      const createdMs = Date.now() - started;
      await cloud.settle(SETTLE_TIMEOUT_MS);
      faults.on = false;
      const settledMs = Date.now() - started;

      // What should have happened: one event per distinct successful create.
      const created = new Map(outcomes.map((o) => [o.sequence, o.probeId]));
      const distinctProbes = new Set(outcomes.map((o) => o.probeId)).size;
      const createRetries = outcomes.reduce((sum, o) => sum + o.attempts - 1, 0);
      const replays = outcomes.filter((o) => o.replayed).length;
      const lostAnswers = outcomes.reduce((sum, o) => sum + o.lostAnswers, 0);

      // What did happen.
      const applied = await appliedCounters();
      const total = await tenantTotal();
      const lost = [...created.keys()].filter((sequence) => !applied.has(sequence));
      const duplicatedEffects = [...applied.entries()].filter(([, count]) => count !== 1);
      const unexpected = [...applied.keys()].filter((sequence) => !created.has(sequence));
      const publications = [...published.values()].reduce((sum, p) => sum + p.times, 0);
      const republished = publications - published.size;
      // The relay may publish an event again only when the stream delivered its record again.
      const republishedWithoutRedelivery = [...published.entries()].filter(
        ([eventId, p]) => p.times - 1 > (relay.redeliveries.get(eventId) ?? 0),
      ).length;
      const effects = [...applied.values()].reduce((sum, count) => sum + count, 0);
      const duplicatesDropped = deliveries.succeeded - effects;
      // A message still being processed when its visibility timeout ends is delivered again.
      const sqsRedeliveries = deliveries.succeeded - deliveries.messages.size;
      const dlq = deadLetterQueue().list();
      const dlqReasons = countBy(dlq.map((m) => m.reason ?? 'no reason'));
      const plannedConsumerFaults = [...created.keys()].filter((s) => failsFirstDelivery(s)).length;
      const putEventsFailed = Object.values(putEventsFaults).reduce((sum, n) => sum + n, 0);

      console.log(
        [
          `faults seed=${SEED}`,
          `state changes=${created.size} (distinct probes ${distinctProbes}, create retries ${createRetries} of which ${lostAnswers} after a lost answer, idempotent replays ${replays})`,
          `faults: PutEvents entries failed=${putEventsFailed} ${JSON.stringify(putEventsFaults)} of ${putEventsEntries.seen} entries`,
          `relay crashes=${relay.stats.crashes}/${relay.stats.invocations} invocations (${relay.stats.recordsInCrashes}/${relay.stats.records} outbox records, relay busy ${relay.stats.busyMs} ms)`,
          `consumer first-delivery failures=${plannedConsumerFaults}`,
          `DynamoDB throttles=${proxy.stats.throttled}/${proxy.stats.throttled + proxy.stats.forwarded} requests ${JSON.stringify(proxy.stats.throttledByOperation)}`,
          `events published=${publications} (distinct ${published.size}, republished ${republished}, republished without redelivery ${republishedWithoutRedelivery})`,
          `deliveries ok=${deliveries.succeeded} failed=${deliveries.failed}`,
          `duplicates dropped=${duplicatesDropped} (${republished} republished, ${sqsRedeliveries} SQS redeliveries)`,
          `events lost=${lost.length}`,
          `duplicated effects=${duplicatedEffects.length}`,
          `tenant total=${total}`,
          `DLQ entries=${dlq.length} ${JSON.stringify(dlqReasons)}`,
          `creates ${createdMs} ms, settled ${settledMs} ms`,
        ].join(' | '),
      );

      expect(distinctProbes).toBe(created.size);
      expect(replays).toBeGreaterThanOrEqual(lostAnswers);
      expect(lostAnswers).toBeGreaterThan(0);
      expect(created.size).toBe(STATE_CHANGES);
      // Every state change's event reached the consumer and was applied, exactly once.
      expect(lost).toEqual([]);
      expect(duplicatedEffects).toEqual([]);
      expect(unexpected).toEqual([]);
      expect(total).toBe(created.size);
      expect(published.size).toBe(created.size);
      expect(new Set([...published.values()].map((p) => p.sequence)).size).toBe(created.size);
      // PutEvents partial failures were retried entry by entry: no event went out twice unless the
      // stream handed its record over again (a crash after publishing).
      expect(republishedWithoutRedelivery).toBe(0);
      // Every published copy was either processed (applied or dropped as a duplicate) or dead-lettered.
      expect(deliveries.messages.size + dlq.length).toBe(publications);
      expect(duplicatesDropped).toBe(republished + sqsRedeliveries);
      expect(dlq.every((m) => m.reason)).toBe(true);
      // The faults did happen.
      expect(putEventsFailed).toBeGreaterThan(0);
      expect(relay.stats.crashes).toBeGreaterThan(0);
      expect(republished).toBeGreaterThan(0);
      expect(plannedConsumerFaults).toBeGreaterThan(0);
      expect(deliveries.failed).toBeGreaterThanOrEqual(plannedConsumerFaults);
      expect(proxy.stats.throttled).toBeGreaterThan(0);
    },
    SETTLE_TIMEOUT_MS + 60_000,
  );

  it('dead-letters an event with invalid data at once, naming the field and not its value', async () => {
    faults.on = false;
    const source = consumerQueue();
    const dlq = deadLetterQueue();
    const before = dlq.list().length;
    const receives: { receiveCount: number; succeeded: boolean }[] = [];
    const unsubscribe = source.onProcessed((message, succeeded) =>
      receives.push({ receiveCount: message.receiveCount, succeeded }),
    );
    const value = 'sequence-seventeen-b';
    const result = cloud.bus.putEvents([
      {
        Source: 'carelink.intake',
        DetailType: DETAIL_TYPE,
        Detail: JSON.stringify({
          metadata: {
            eventId: ulid(),
            eventVersion: 1,
            tenantId: TENANT,
            correlationId: 'poison-probe',
            occurredAt: new Date().toISOString(),
          },
          data: { probeId: ulid(), sequence: value },
        }),
      },
    ]);
    expect(result.FailedEntryCount).toBe(0);
    await cloud.settle();
    unsubscribe();

    const letters = dlq.list().slice(before);
    expect(letters).toHaveLength(1);
    const [letter] = letters;
    expect(letter?.reason).toBe(`invalid ${DETAIL_TYPE} data: sequence: invalid_type`);
    expect(letter?.reason).not.toContain(value);
    expect(letter?.attributes.consumer).toBe('probe-consumer');
    expect(letter?.body).toContain(value);
    // Delivered once and acknowledged (deleted from the queue) at once: it can never be retried.
    expect(receives).toEqual([{ receiveCount: 1, succeeded: true }]);
    expect(source.depth).toBe(0);
  });
});
