import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@carelink/contracts';
import type { ServiceRuntime, StateWrite } from '@carelink/lambda-kit';
import type { PatientMonthResult } from '../domain/patient-month';
import type { RunTally } from '../domain/run-tally';
import { batchGetAll } from './batch-get';
import { keys } from './keys';

export type RunStatus = 'running' | 'completed' | 'finalized';
export type RunTrigger = 'api' | 'schedule' | 'cli';

export interface RunTotals {
  patientMonths: number;
  billedPatients: number;
  claimLines: number;
  expectedRevenue: string;
}

export interface RunDifference {
  added: number;
  changed: number;
  superseded: number;
}

/** The run item. */
export interface RunRecord {
  runId: string;
  practiceId: string;
  month: string;
  status: RunStatus;
  attempt: number;
  trigger: RunTrigger;
  startedAt: string;
  completedAt: string | null;
  finalizedAt: string | null;
  /** Last patient whose results are written in this attempt. */
  checkpoint: string | null;
  processedPatientMonths: number;
  /** What the attempt decided up to its checkpoint (null before the first one). */
  tally: RunTally | null;
  leaseOwner: string | null;
  leaseUntil: number | null;
  totals: RunTotals | null;
  lastDifference: RunDifference | null;
  /** While a completed run is finalised: the last patient whose claim is published (null before). */
  claimsPublishedThrough: string | null;
}

export type { PatientMonthResult };

/** A claim line item, as runs kept them before the lines lived on their patient-month. */
export interface ClaimLineRecord {
  patientId: string;
  code: string;
  units: number;
  status: 'active' | 'superseded';
  month: string;
  billingPractitionerNpi: string;
  dateOfService: string;
  diagnosisCodes: string[];
  lastAction: 'added' | 'changed' | 'superseded';
  lastActionAttempt: number;
}

/** Raised when the run being finalised was re-run, or another finaliser published the same claims. */
export class ClaimsPublicationMovedError extends DomainError {
  override readonly name = 'ClaimsPublicationMovedError';
  readonly code = 'claims-publication-moved';
  readonly problemType = 'conflict';
  constructor() {
    super('The run changed while its claims were being published; finalise it again');
  }
}

/** Raised when the run's lease was taken over or the run left `running` (stop writing at once). */
export class LeaseLostError extends DomainError {
  override readonly name = 'LeaseLostError';
  readonly code = 'lease-lost';
  readonly problemType = 'conflict';
  constructor() {
    super('The billing run was taken over by another worker');
  }
}

/** Raised when a run request meets a run that changed since it was read (another request won). */
export class RunRequestMovedError extends Error {
  override readonly name = 'RunRequestMovedError';
}

const RUN_FIELDS = [
  'runId',
  'practiceId',
  'month',
  'status',
  'attempt',
  'trigger',
  'startedAt',
  'completedAt',
  'finalizedAt',
  'checkpoint',
  'processedPatientMonths',
  'tally',
  'leaseOwner',
  'leaseUntil',
  'totals',
  'lastDifference',
  'claimsPublishedThrough',
] as const;

/** What a new attempt sets on its run; totals, the last difference and completion stay until it completes. */
const NEXT_ATTEMPT_FIELDS = [
  'status',
  'attempt',
  'trigger',
  'startedAt',
  'checkpoint',
  'processedPatientMonths',
  'tally',
  'leaseOwner',
  'leaseUntil',
  'claimsPublishedThrough',
] as const satisfies readonly (typeof RUN_FIELDS)[number][];

const toRun = (item: Record<string, unknown>): RunRecord =>
  Object.fromEntries(RUN_FIELDS.map((field) => [field, item[field] ?? null])) as unknown as RunRecord;

/** Result items per BatchWriteItem call (the most DynamoDB takes). */
const BATCH_WRITE_ITEMS = 25;
/** BatchWriteItem calls in flight per batch of results. */
const PUT_CONCURRENCY = 4;

const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));

const isConditionFailure = (error: unknown): boolean =>
  (error instanceof Error && error.name === 'ConditionalCheckFailedException') ||
  (error instanceof TransactionCanceledException &&
    (error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed'));

/** DynamoDB access for runs, their patient-months and claim lines. */
export function createRunStore(runtime: ServiceRuntime) {
  const { db, tableName: TableName } = runtime;

  /** Extends the lease (and sets `set`, if any) only while `owner` holds the running run's lease. */
  const updateWhileLeaseHeld = async (
    tenantId: string,
    runId: string,
    owner: string,
    leaseMs: number,
    set?: string,
    values: Record<string, unknown> = {},
  ): Promise<void> => {
    try {
      await db.send(
        new UpdateCommand({
          TableName,
          Key: keys.run(tenantId, runId),
          UpdateExpression: `SET ${set ? `${set}, ` : ''}leaseUntil = :until`,
          ConditionExpression: '#status = :running AND leaseOwner = :owner',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ...values,
            ':until': runtime.clock().getTime() + leaseMs,
            ':running': 'running',
            ':owner': owner,
          },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new LeaseLostError();
      throw error;
    }
  };

  const leaseHeld = (tenantId: string, runId: string, owner: string): StateWrite => ({
    ConditionCheck: {
      TableName,
      Key: keys.run(tenantId, runId),
      ConditionExpression: '#status = :running AND leaseOwner = :owner',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':running': 'running', ':owner': owner },
    },
    onConditionFailed: () => new LeaseLostError(),
  });

  return {
    async getRun(tenantId: string, runId: string): Promise<RunRecord | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName, Key: keys.run(tenantId, runId), ConsistentRead: true }),
      );
      return Item ? toRun(Item) : undefined;
    },

    async findRunOfMonth(
      tenantId: string,
      practiceId: string,
      month: string,
    ): Promise<RunRecord | undefined> {
      const { Item } = await db.send(
        new GetCommand({
          TableName,
          Key: keys.runOfMonth(tenantId, practiceId, month),
          ConsistentRead: true,
        }),
      );
      return Item ? this.getRun(tenantId, String(Item.runId)) : undefined;
    },

    /**
     * The writes that create the run of a practice-month, its first attempt not yet taken by a
     * worker; they fail with RunRequestMovedError when the month already has a run (the month item
     * makes "one run per practice-month" a write condition).
     */
    newRun(tenantId: string, run: RunRecord): StateWrite[] {
      const moved = () => new RunRequestMovedError();
      return [
        {
          Put: {
            TableName,
            Item: {
              ...keys.runOfMonth(tenantId, run.practiceId, run.month),
              kind: 'run-of-month',
              runId: run.runId,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
          onConditionFailed: moved,
        },
        {
          Put: {
            TableName,
            Item: { ...keys.run(tenantId, run.runId), kind: 'run', ...run },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
          onConditionFailed: moved,
        },
      ];
    },

    /**
     * Stores `next`, the next attempt of the completed run `previous`, not yet taken by a worker;
     * fails with RunRequestMovedError when the run is no longer `previous`'s completed attempt.
     */
    nextAttempt(tenantId: string, previous: RunRecord, next: RunRecord): StateWrite {
      const fields = NEXT_ATTEMPT_FIELDS.map((field) => `#${field} = :${field}`).join(', ');
      return {
        Update: {
          TableName,
          Key: keys.run(tenantId, previous.runId),
          UpdateExpression: `SET ${fields}`,
          ConditionExpression: '#status = :completed AND #attempt = :previous',
          ExpressionAttributeNames: Object.fromEntries(
            NEXT_ATTEMPT_FIELDS.map((field) => [`#${field}`, field]),
          ),
          ExpressionAttributeValues: {
            ...Object.fromEntries(NEXT_ATTEMPT_FIELDS.map((field) => [`:${field}`, next[field]])),
            ':completed': 'completed',
            ':previous': previous.attempt,
          },
        },
        onConditionFailed: () => new RunRequestMovedError(),
      };
    },

    /**
     * Takes the lease of a running attempt nobody holds (never taken, or its worker's lease ran
     * out). Returns the run as claimed and whether a worker had taken this attempt before (it is
     * then resumed from its checkpoint), or undefined when the attempt is not running or another
     * worker holds a live lease.
     */
    async claimRun(
      tenantId: string,
      runId: string,
      attempt: number,
      owner: string,
      leaseMs: number,
    ): Promise<{ run: RunRecord; resumed: boolean } | undefined> {
      const now = runtime.clock().getTime();
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName,
            Key: keys.run(tenantId, runId),
            UpdateExpression: 'SET leaseOwner = :owner, leaseUntil = :until',
            ConditionExpression: '#status = :running AND attempt = :attempt AND leaseUntil < :now',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':owner': owner,
              ':until': now + leaseMs,
              ':now': now,
              ':running': 'running',
              ':attempt': attempt,
            },
            ReturnValues: 'ALL_OLD',
          }),
        );
        if (!Attributes) return undefined;
        const before = toRun(Attributes);
        return {
          run: { ...before, leaseOwner: owner, leaseUntil: now + leaseMs },
          resumed: before.leaseOwner !== null,
        };
      } catch (error) {
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
    },

    /** Records progress and renews the lease; fails with LeaseLostError if the lease is gone. */
    async checkpoint(
      tenantId: string,
      runId: string,
      owner: string,
      patientId: string,
      tally: RunTally,
      leaseMs: number,
    ): Promise<void> {
      await updateWhileLeaseHeld(
        tenantId,
        runId,
        owner,
        leaseMs,
        'checkpoint = :patient, processedPatientMonths = :processed, tally = :tally',
        { ':patient': patientId, ':processed': tally.patientMonths, ':tally': tally },
      );
    },

    /** Renews the lease without moving the checkpoint; fails with LeaseLostError if it is gone. */
    async renewLease(tenantId: string, runId: string, owner: string, leaseMs: number): Promise<void> {
      await updateWhileLeaseHeld(tenantId, runId, owner, leaseMs);
    },

    /**
     * Lets go of the lease `owner` holds, so the next worker resumes the attempt from its checkpoint
     * at once; fails with LeaseLostError when the lease is no longer `owner`'s.
     */
    releaseLease(tenantId: string, runId: string, owner: string): StateWrite {
      return {
        Update: {
          TableName,
          Key: keys.run(tenantId, runId),
          UpdateExpression: 'SET leaseUntil = :zero',
          ConditionExpression: '#status = :running AND leaseOwner = :owner',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':zero': 0, ':running': 'running', ':owner': owner },
        },
        onConditionFailed: () => new LeaseLostError(),
      };
    },

    async batchGetPatientMonths(
      tenantId: string,
      runId: string,
      patientIds: readonly string[],
    ): Promise<Map<string, PatientMonthResult>> {
      const found = new Map<string, PatientMonthResult>();
      const items = await batchGetAll(
        db,
        TableName,
        patientIds.map((id) => keys.runPatientMonth(tenantId, runId, id)),
      );
      for (const item of items) found.set(String(item.patientId), item as unknown as PatientMonthResult);
      return found;
    },

    /** The put of one patient-month result (its claim lines included), for a guarded transaction. */
    patientMonthPut(tenantId: string, runId: string, result: PatientMonthResult): StateWrite {
      return {
        Put: {
          TableName,
          Item: {
            ...keys.runPatientMonth(tenantId, runId, result.patientId),
            kind: 'run-patient-month',
            ...result,
          },
        },
      };
    },

    /**
     * Puts patient-month results with BatchWriteItem, 25 a call, retrying what DynamoDB leaves
     * unprocessed. Each put replaces the whole item with a result computed from the same inputs, so
     * writing a batch again after a crash leaves the same state. `afterCall` sees the running count.
     */
    async putPatientMonths(
      tenantId: string,
      runId: string,
      results: readonly PatientMonthResult[],
      afterCall?: (written: number) => void | Promise<void>,
    ): Promise<void> {
      const calls: PatientMonthResult[][] = [];
      for (let i = 0; i < results.length; i += BATCH_WRITE_ITEMS) {
        calls.push(results.slice(i, i + BATCH_WRITE_ITEMS));
      }
      let written = 0;
      const worker = async () => {
        for (let part = calls.shift(); part; part = calls.shift()) {
          let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
            [TableName]: part.map((result) => ({
              PutRequest: {
                Item: {
                  ...keys.runPatientMonth(tenantId, runId, result.patientId),
                  kind: 'run-patient-month',
                  ...result,
                },
              },
            })),
          };
          for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
            if (attempt > 0) await pause(attempt);
            const { UnprocessedItems } = await db.send(new BatchWriteCommand({ RequestItems: request }));
            request = UnprocessedItems as typeof request;
          }
          written += part.length;
          await afterCall?.(written);
        }
      };
      await Promise.all(Array.from({ length: PUT_CONCURRENCY }, worker));
    },

    /** Commits writes guarded by the run's lease, in one transaction. */
    async commitGuarded(
      tenantId: string,
      runId: string,
      owner: string,
      writes: readonly StateWrite[],
    ): Promise<void> {
      const items = [leaseHeld(tenantId, runId, owner), ...writes].map(
        ({ onConditionFailed: _, ...item }) => item,
      );
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items }));
      } catch (error) {
        if (error instanceof TransactionCanceledException) {
          const reasons = error.CancellationReasons ?? [];
          if (reasons[0]?.Code === 'ConditionalCheckFailed') throw new LeaseLostError();
        }
        throw error;
      }
    },

    leaseHeld,

    /** Every patient-month, or every claim line item of a run kept before lines lived on it (sorted by key). */
    async readRunItems(
      tenantId: string,
      runId: string,
      prefix: 'PM#' | 'LINE#',
      attributes?: readonly string[],
    ): Promise<Record<string, unknown>[]> {
      const projection = attributes
        ? {
            ProjectionExpression: attributes.map((_, i) => `#a${i}`).join(', '),
            ExpressionAttributeNames: Object.fromEntries(attributes.map((name, i) => [`#a${i}`, name])),
          }
        : {};
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': keys.runPartition(tenantId, runId), ':prefix': prefix },
            ConsistentRead: true,
            ...projection,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    },

    /** One page of patient-months of a run, for the audit export. */
    async pagePatientMonths(
      tenantId: string,
      runId: string,
      limit: number,
      start: Record<string, unknown> | undefined,
    ): Promise<{ items: PatientMonthResult[]; lastKey: Record<string, unknown> | undefined }> {
      const page = await db.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.runPartition(tenantId, runId), ':prefix': 'PM#' },
          Limit: limit,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      return { items: (page.Items ?? []) as unknown as PatientMonthResult[], lastKey: page.LastEvaluatedKey };
    },

    /** The write that completes an attempt (committed with its event). */
    completeWrite(
      tenantId: string,
      runId: string,
      owner: string,
      totals: RunTotals,
      difference: RunDifference,
      processed: number,
    ): StateWrite {
      return {
        Update: {
          TableName,
          Key: keys.run(tenantId, runId),
          UpdateExpression:
            'SET #status = :completed, completedAt = :now, totals = :totals, lastDifference = :difference, processedPatientMonths = :processed, leaseOwner = :null, leaseUntil = :null',
          ConditionExpression: '#status = :running AND leaseOwner = :owner',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':completed': 'completed',
            ':running': 'running',
            ':owner': owner,
            ':now': runtime.clock().toISOString(),
            ':totals': totals,
            ':difference': difference,
            ':processed': processed,
            ':null': null,
          },
        },
        onConditionFailed: () => new LeaseLostError(),
      };
    },

    /**
     * Records that the claims of a completed run are published through `patientId`, committed with
     * those claims' events; refused when the run was re-run or another finaliser moved on.
     */
    claimsPublished(tenantId: string, runId: string, previous: string | null, patientId: string): StateWrite {
      return {
        Update: {
          TableName,
          Key: keys.run(tenantId, runId),
          UpdateExpression: 'SET claimsPublishedThrough = :through',
          ConditionExpression:
            previous === null
              ? '#status = :completed AND (attribute_not_exists(claimsPublishedThrough) OR claimsPublishedThrough = :null)'
              : '#status = :completed AND claimsPublishedThrough = :previous',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':through': patientId,
            ':completed': 'completed',
            ...(previous === null ? { ':null': null } : { ':previous': previous }),
          },
        },
        onConditionFailed: () => new ClaimsPublicationMovedError(),
      };
    },

    /** Freezes a completed run. Returns the run, or why it cannot be finalised. */
    async finalize(
      tenantId: string,
      runId: string,
    ): Promise<{ run: RunRecord } | { blocked: 'not-found' | 'running' }> {
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName,
            Key: keys.run(tenantId, runId),
            UpdateExpression: 'SET #status = :finalized, finalizedAt = :now',
            ConditionExpression: '#status = :completed',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':finalized': 'finalized',
              ':completed': 'completed',
              ':now': runtime.clock().toISOString(),
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return { run: toRun(Attributes ?? {}) };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const run = await this.getRun(tenantId, runId);
        if (!run) return { blocked: 'not-found' };
        if (run.status === 'finalized') return { run };
        return { blocked: 'running' };
      }
    },
  };
}

export type RunStore = ReturnType<typeof createRunStore>;
