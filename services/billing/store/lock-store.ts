import type { ServiceRuntime, StateWrite } from '@carelink/lambda-kit';
import type { ServiceFamily } from '../domain/code-families';
import { batchGetAll } from './batch-get';

/** Who holds a patient-month lock: the billing organisation (tenant and practice) and its run. */
export interface LockOwner {
  readonly tenantId: string;
  readonly practiceId: string;
  readonly runId: string;
}

/** A claim line's lock was taken by another organisation between the read and the write. */
export class LockTakenError extends Error {
  override readonly name = 'LockTakenError';
}

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

export const isLockKey = (pk: unknown): boolean => typeof pk === 'string' && pk.startsWith(PREFIX);

/** Locks per (patient key, month, service family): one billing organisation per family and patient-month. */
export function createLockStore(runtime: ServiceRuntime) {
  const { db, tableName } = runtime;
  const mine = (owner: LockOwner) => ({
    ConditionExpression:
      'attribute_not_exists(pk) OR (ownerTenantId = :tenant AND ownerPracticeId = :practice)',
    ExpressionAttributeValues: { ':tenant': owner.tenantId, ':practice': owner.practiceId },
  });

  return {
    /** The families each patient key's month is held for by someone other than `owner`. */
    async heldElsewhere(
      patientKeys: readonly string[],
      month: string,
      owner: Pick<LockOwner, 'tenantId' | 'practiceId'>,
    ): Promise<Map<string, Set<ServiceFamily>>> {
      const unique = [...new Set(patientKeys)];
      const items = await batchGetAll(
        db,
        tableName,
        unique.flatMap((key) => FAMILIES.map((family) => lockKey(key, month, family))),
      );
      const held = new Map<string, Set<ServiceFamily>>();
      for (const item of items) {
        if (item.ownerTenantId === owner.tenantId && item.ownerPracticeId === owner.practiceId) continue;
        const patientKey = String(item.patientKey);
        held.set(patientKey, (held.get(patientKey) ?? new Set()).add(item.sk as ServiceFamily));
      }
      return held;
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
        onConditionFailed: () => new LockTakenError(),
      };
    },

    /** Lets go of a family a re-run no longer bills (nothing when the lock is not ours). */
    release(patientKey: string, month: string, family: ServiceFamily, owner: LockOwner): StateWrite {
      return { Delete: { TableName: tableName, Key: lockKey(patientKey, month, family), ...mine(owner) } };
    },
  };
}

export type LockStore = ReturnType<typeof createLockStore>;
