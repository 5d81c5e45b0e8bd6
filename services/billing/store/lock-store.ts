import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ServiceRuntime, StateWrite } from '@carelink/lambda-kit';
import type { ServiceFamily } from '../domain/code-families';
import { batchGetAll } from './batch-get';

/** Who holds a patient-month lock: the billing organisation (tenant and practice) and its run. */
export interface LockOwner {
  readonly tenantId: string;
  readonly practiceId: string;
  readonly runId: string;
}

/** One lock a decision needs. */
export interface LockTake {
  readonly patientKey: string;
  readonly family: ServiceFamily;
}

/** Lock puts per transaction, next to the lease check (DynamoDB allows 100 items). */
const TAKES_PER_TRANSACTION = 99;
/** Lock transactions in flight: they touch different locks, so they commit in parallel. */
const TRANSACTIONS_IN_FLIGHT = 3;

const FAMILIES: readonly ServiceFamily[] = ['ccm', 'pcm', 'apcm', 'tcm'];
const PREFIX = 'PATIENT-MONTH-LOCK#';

/**
 * The one key in billing's table that is not under a tenant, by design: the lock must be seen by
 * every tenant billing the same person. It holds the patient key (an HMAC, meaningless without the
 * pepper), the month, the family and who holds it; never a name, an MBI or a tenant's patient id.
 */
const lockKey = (patientKey: string, month: string, family: ServiceFamily) => ({
  pk: `${PREFIX}${patientKey}#${month}`,
  sk: family,
});

const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));

/** Locks per (patient key, month, service family): one billing organisation per family and patient-month. */
export function createLockStore(runtime: ServiceRuntime) {
  const { db, tableName } = runtime;
  const mine = (owner: LockOwner) => ({
    ConditionExpression:
      'attribute_not_exists(pk) OR (ownerTenantId = :tenant AND ownerPracticeId = :practice)',
    ExpressionAttributeValues: { ':tenant': owner.tenantId, ':practice': owner.practiceId },
  });

  return {
    /**
     * Who holds the locks of these patient keys' month: the families held by another organisation
     * and those held by `owner`'s own organisation.
     */
    async holders(
      patientKeys: readonly string[],
      month: string,
      owner: Pick<LockOwner, 'tenantId' | 'practiceId'>,
    ): Promise<{ elsewhere: Map<string, Set<ServiceFamily>>; ours: Map<string, Set<ServiceFamily>> }> {
      const unique = [...new Set(patientKeys)];
      const items = await batchGetAll(
        db,
        tableName,
        unique.flatMap((key) => FAMILIES.map((family) => lockKey(key, month, family))),
      );
      const elsewhere = new Map<string, Set<ServiceFamily>>();
      const ours = new Map<string, Set<ServiceFamily>>();
      for (const item of items) {
        const mineToo = item.ownerTenantId === owner.tenantId && item.ownerPracticeId === owner.practiceId;
        const into = mineToo ? ours : elsewhere;
        const patientKey = String(item.patientKey);
        into.set(patientKey, (into.get(patientKey) ?? new Set()).add(item.sk as ServiceFamily));
      }
      return { elsewhere, ours };
    },

    /**
     * Takes (or keeps) every lock of `takes`, in transactions guarded by `lease` (the run's lease
     * check). Returns the takes another organisation holds; all others are held by `owner` after
     * the call. A transaction cancelled by a held lock wrote nothing: it is sent again without it.
     */
    async takeAll(
      takes: readonly LockTake[],
      month: string,
      owner: LockOwner,
      lease: StateWrite,
    ): Promise<LockTake[]> {
      const elsewhere: LockTake[] = [];
      const { onConditionFailed: leaseLost, ...guard } = lease;
      const send = async (chunk: readonly LockTake[]) => {
        let pending = chunk;
        for (let attempt = 0; pending.length > 0; ) {
          const puts = pending.map(({ patientKey, family }) => {
            const { onConditionFailed: _, ...put } = this.take(patientKey, month, family, owner);
            return put;
          });
          try {
            await db.send(new TransactWriteCommand({ TransactItems: [guard, ...puts] }));
            pending = [];
          } catch (error) {
            if (!(error instanceof TransactionCanceledException)) throw error;
            const reasons = error.CancellationReasons ?? [];
            if (reasons[0]?.Code === 'ConditionalCheckFailed') {
              throw (await leaseLost?.()) ?? error;
            }
            const held = new Set(
              reasons.flatMap((reason, index) =>
                reason.Code === 'ConditionalCheckFailed' ? [index - 1] : [],
              ),
            );
            if (held.size === 0) {
              // A conflict with another transaction on the same lock: try again after a pause.
              if (++attempt > 5) throw error;
              await pause(attempt);
              continue;
            }
            elsewhere.push(...pending.filter((_, index) => held.has(index)));
            pending = pending.filter((_, index) => !held.has(index));
          }
        }
      };
      const chunks: LockTake[][] = [];
      for (let i = 0; i < takes.length; i += TAKES_PER_TRANSACTION) {
        chunks.push(takes.slice(i, i + TAKES_PER_TRANSACTION));
      }
      const worker = async () => {
        for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) await send(chunk);
      };
      await Promise.all(Array.from({ length: TRANSACTIONS_IN_FLIGHT }, worker));
      return elsewhere;
    },

    /** Takes (or keeps) the lock; fails the transaction when another organisation holds it. */
    take(patientKey: string, month: string, family: ServiceFamily, owner: LockOwner): StateWrite {
      return {
        Put: {
          TableName: tableName,
          Item: {
            ...lockKey(patientKey, month, family),
            kind: 'patient-month-lock',
            patientKey,
            month,
            ownerTenantId: owner.tenantId,
            ownerPracticeId: owner.practiceId,
            runId: owner.runId,
          },
          ...mine(owner),
        },
      };
    },

    /** Lets go of a family a re-run no longer bills (nothing when the lock is not ours). */
    release(patientKey: string, month: string, family: ServiceFamily, owner: LockOwner): StateWrite {
      return { Delete: { TableName: tableName, Key: lockKey(patientKey, month, family), ...mine(owner) } };
    },
  };
}

export type LockStore = ReturnType<typeof createLockStore>;
