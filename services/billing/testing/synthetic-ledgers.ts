import { createHash } from 'node:crypto';
import { BatchWriteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { PracticeChangedV1 } from '@carelink/contracts';
import type { ServiceRuntime } from '@carelink/lambda-kit';
import { billingNpiOf, tenantKey } from '@carelink/lambda-kit';
import { composeBilling } from '../compose';
import type { LedgerMonth } from '../domain/month-input';
import type { PatientFacts } from '../domain/patient-facts';
import { keys, patientOfLedgerKey } from '../store/keys';
import { createLockStore } from '../store/lock-store';

/** A deterministic patient id (a valid ULID) for synthetic patient `index`. */
export const syntheticPatientId = (index: number): string => `01K${String(index).padStart(23, '0')}`;

/** The same synthetic person has the same key in every tenant, as one MBI would. */
const syntheticPatientKey = (index: number): string =>
  createHash('sha256').update(`synthetic-person-${index}`).digest('hex');

/**
 * Synthetic patient-months for tests and benchmarks, varied so that every outcome occurs: billed
 * 99490, 99490 + 99439 (1 and 2 units), below threshold, no consent, too few conditions.
 */
export function syntheticPatientMonths(
  count: number,
  month: string,
  billingPractitionerId: string,
): { patientId: string; facts: PatientFacts; ledger: LedgerMonth }[] {
  return Array.from({ length: count }, (_, i) => {
    const patientId = syntheticPatientId(i);
    const facts: PatientFacts = {
      consents:
        i % 11 === 0
          ? []
          : [
              {
                consentId: `01K${String(i).padStart(22, '0')}C`,
                program: 'ccm',
                obtainedAt: '2026-01-05T15:00:00Z',
                revokedAt: null,
                billingPractitionerId,
              },
            ],
      carePlans: [
        {
          carePlanId: `01K${String(i).padStart(22, '0')}P`,
          program: 'ccm',
          establishedAt: '2026-01-06T15:00:00Z',
          establishedVersion: 1,
          version: 1,
          revisions: [],
        },
      ],
      eligibility: {
        determinationVersion: 1,
        conditionCategories:
          i % 7 === 0 ? ['diabetes'] : ['diabetes', 'heart-failure', 'chronic-kidney-disease'],
        complexConditionForPcm: false,
        lastVisit: { npi: billingPractitionerId, date: '2025-12-15' },
        patientKey: syntheticPatientKey(i),
        diagnoses: [
          { code: 'E11.9', categories: ['diabetes'] },
          ...(i % 7 === 0
            ? []
            : [
                { code: 'I50.22', categories: ['heart-failure'] },
                { code: 'N18.30', categories: ['chronic-kidney-disease'] },
              ]),
        ],
      },
    };
    const minutes = [15, 25, 45, 65, 30][i % 5] ?? 0;
    const entries = [minutes - Math.floor(minutes / 2), Math.floor(minutes / 2)]
      .filter((m) => m > 0)
      .map((m, n) => ({
        timeEntryId: `01K${String(i).padStart(21, '0')}E${n}`,
        startedAt: `${month}-${String(10 + n).padStart(2, '0')}T15:00:00Z`,
        minutes: m,
        performer: 'clinical-staff' as const,
        practitionerId: 'staff-cm-1',
        program: 'ccm',
      }));
    return {
      patientId,
      facts,
      ledger: { patientId, medicalDecisionMaking: null, otherBilled: [], entries },
    };
  });
}

/** Writes `count` synthetic ledgers of a practice-month straight to the table (and the practice, if new). */
export async function seedSyntheticLedgers(
  runtime: ServiceRuntime,
  args: { tenantId: string; practiceId: string; month: string; count: number; facts?: boolean },
): Promise<void> {
  const billing = composeBilling(runtime);
  // A bare table has no directory projection yet: project the contract's example practice, as
  // PracticeChanged would, under the ids asked for.
  const known = await billing.practices.practiceOf(args.tenantId, args.practiceId);
  const practice = known ?? {
    ...PracticeChangedV1.example,
    tenantId: args.tenantId,
    practiceId: args.practiceId,
  };
  if (!known) await billing.practices.apply(practice);
  await billing.ledger.seedMonths(
    args.tenantId,
    args.practiceId,
    args.month,
    syntheticPatientMonths(args.count, args.month, billingNpiOf(practice)),
    { facts: args.facts ?? true },
  );
}

export interface RunBenchmark {
  patientMonths: number;
  /**
   * The physical floor of a run: the same paginated read of every ledger item of the month, and one
   * result item per patient-month written with BatchWriteItem (25 a call, unprocessed items retried).
   */
  baselineMs: number;
  /**
   * What the design adds to that floor: one conditional write per billed patient-month (the
   * patient-month lock, a conditional PutItem here, the cheapest write that can refuse).
   */
  lockFloorMs: number;
  /** Conditional puts the lock floor made: one per billed patient-month. */
  lockFloorItems: number;
  /** A full run: read, join, decide, write results and lines, complete with its event. */
  runMs: number;
  claimLines: number;
  /** Ledger items read (heads and entries). */
  ledgerItems: number;
  /** Result items the baseline wrote (one per patient-month). */
  baselineItems: number;
}

const BATCH_WRITE_ITEMS = 25;
/** BatchWriteItem calls the baseline keeps in flight. */
const BASELINE_CONCURRENCY = 4;

async function batchWrite(runtime: ServiceRuntime, items: Record<string, unknown>[]): Promise<void> {
  let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
    [runtime.tableName]: items.map((Item) => ({ PutRequest: { Item } })),
  };
  for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
    const result = await runtime.db.send(new BatchWriteCommand({ RequestItems: request }));
    request = result.UnprocessedItems as typeof request;
  }
}

/** Every ledger item of the practice-month, a page at a time, as the run reads them (consistent reads). */
async function* ledgerPages(
  runtime: ServiceRuntime,
  args: { tenantId: string; practiceId: string; month: string },
): AsyncGenerator<Record<string, unknown>[]> {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await runtime.db.send(
      new QueryCommand({
        TableName: runtime.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: {
          ':pk': keys.ledgerPartition(args.tenantId, args.practiceId, args.month),
        },
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    yield page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
}

async function readLedgerItems(
  runtime: ServiceRuntime,
  args: { tenantId: string; practiceId: string; month: string },
): Promise<number> {
  let items = 0;
  for await (const page of ledgerPages(runtime, args)) items += page.length;
  return items;
}

/**
 * Reads every ledger item of the month and writes one item per patient-month carrying what was
 * read (its head fields and entries), as a run that did nothing but move the bytes would.
 */
async function physicalBaseline(
  runtime: ServiceRuntime,
  args: { tenantId: string; practiceId: string; month: string },
): Promise<{ ledgerItems: number; resultItems: number }> {
  const resultPartition = tenantKey(args.tenantId, 'BENCH-BASELINE', args.practiceId, args.month);
  const inFlight = new Set<Promise<void>>();
  const send = async (items: Record<string, unknown>[]) => {
    while (inFlight.size >= BASELINE_CONCURRENCY) await Promise.race(inFlight);
    const call: Promise<void> = batchWrite(runtime, items).finally(() => inFlight.delete(call));
    inFlight.add(call);
  };
  let ledgerItems = 0;
  let resultItems = 0;
  let current: Record<string, unknown> | undefined;
  let batch: Record<string, unknown>[] = [];
  const emit = async () => {
    if (!current) return;
    batch.push(current);
    resultItems++;
    if (batch.length === BATCH_WRITE_ITEMS) {
      await send(batch);
      batch = [];
    }
  };
  for await (const page of ledgerPages(runtime, args)) {
    for (const item of page) {
      ledgerItems++;
      const patientId = patientOfLedgerKey(String(item.sk));
      if (current?.patientId !== patientId) {
        await emit();
        current = { pk: resultPartition, sk: `PM#${patientId}`, patientId, entries: [] };
      }
      if (item.kind === 'ledger') Object.assign(current, { mdm: item.mdm, otherBilled: item.otherBilled });
      else {
        const { pk: _pk, sk: _sk, kind: _kind, patientId: _patient, ...entry } = item;
        (current.entries as unknown[]).push(entry);
      }
    }
  }
  await emit();
  if (batch.length > 0) await send(batch);
  await Promise.all(inFlight);
  return { ledgerItems, resultItems };
}

/** Conditional PutItems the lock floor keeps in flight (more made no difference on DynamoDB Local). */
const LOCK_FLOOR_CONCURRENCY = 4;

/**
 * `count` patient-month locks as the run takes them (item and condition from the lock store), each
 * alone in a PutItem under a key of its own: the floor of taking one lock per billed family.
 */
async function lockFloor(
  runtime: ServiceRuntime,
  args: { tenantId: string; practiceId: string; month: string },
  count: number,
): Promise<void> {
  const locks = createLockStore(runtime);
  const owner = { tenantId: args.tenantId, practiceId: args.practiceId, runId: runtime.newId() };
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) {
      const { Put: put } = locks.take(syntheticPatientKey(index), args.month, 'ccm', owner);
      if (!put?.Item) throw new Error('a lock is taken with a put');
      await runtime.db.send(
        new PutCommand({
          TableName: runtime.tableName,
          Item: { ...put.Item, pk: `${String(put.Item.pk)}#floor` },
          ConditionExpression: put.ConditionExpression,
          ExpressionAttributeValues: put.ExpressionAttributeValues,
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: LOCK_FLOOR_CONCURRENCY }, worker));
}

/**
 * Measures a full billing run over the ledgers of a practice-month against its physical baseline
 * (`npm run bench`). Seed first with `seedSyntheticLedgers`; the month must not have a run.
 */
export async function benchmarkRun(
  runtime: ServiceRuntime,
  args: { tenantId: string; practiceId: string; month: string },
): Promise<RunBenchmark> {
  const billing = composeBilling(runtime);
  // One untimed read first: DynamoDB Local answers its first query of a large partition several
  // times slower (its JIT warming up), which would otherwise be charged to whichever side went first.
  await readLedgerItems(runtime, args);
  const baselineStart = performance.now();
  const baseline = await physicalBaseline(runtime, args);
  const baselineMs = performance.now() - baselineStart;
  const runStart = performance.now();
  const { run } = await billing.startRun({
    ...args,
    trigger: 'cli',
    correlationId: runtime.newId(),
  });
  const runMs = performance.now() - runStart;
  // Sized by what the run billed, so it is measured after it. The synthetic practice bills one
  // family (CCM), so billed patients and billed families are the same count.
  const lockFloorItems = run.totals?.billedPatients ?? 0;
  const lockStart = performance.now();
  await lockFloor(runtime, args, lockFloorItems);
  const lockFloorMs = performance.now() - lockStart;
  return {
    patientMonths: run.totals?.patientMonths ?? 0,
    baselineMs: Math.round(baselineMs),
    lockFloorMs: Math.round(lockFloorMs),
    lockFloorItems,
    runMs: Math.round(runMs),
    claimLines: run.totals?.claimLines ?? 0,
    ledgerItems: baseline.ledgerItems,
    baselineItems: baseline.resultItems,
  };
}
