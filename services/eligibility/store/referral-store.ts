import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StateWrite } from '@carelink/lambda-kit';
import { coveragePendingKey, patientPk, referralSk, withdrawnSk } from './keys';
import type { TableRef } from './patient-store';
import type { ReferralRecord, Withdrawal } from './records';

/** A referral waiting for its coverage to be verified again. */
export interface PendingCoverage {
  readonly patientId: string;
  readonly referralId: string;
}

/** Referral writes (versioned determinations) and the re-verification work list. */
export function createReferralStore({ db, tableName }: TableRef) {
  return {
    /**
     * Writes a referral with its determination. The first write requires the item to be absent;
     * later ones require the version that was read, so concurrent determinations cannot both win.
     */
    put(tenantId: string, record: ReferralRecord, expectedVersion: number | undefined): StateWrite {
      return {
        Put: {
          TableName: tableName,
          Item: {
            pk: patientPk(tenantId, record.patientId),
            sk: referralSk(record.referralId),
            kind: 'referral',
            ...record,
            ...(record.coveragePending
              ? {
                  gsi1pk: coveragePendingKey(tenantId),
                  gsi1sk: `${record.patientId}#${record.referralId}`,
                }
              : {}),
          },
          ...(expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: 'determinationVersion = :v',
                ExpressionAttributeValues: { ':v': expectedVersion },
              }),
        },
      };
    },

    /**
     * Withdraws a cancelled referral's determination: a marker that also stops a late arrival of the
     * referral, and (when the record exists) its removal from the re-verification list.
     */
    withdraw(
      tenantId: string,
      patientId: string,
      referralId: string,
      withdrawal: Withdrawal,
      recorded: boolean,
    ): StateWrite[] {
      const pk = patientPk(tenantId, patientId);
      return [
        {
          Put: {
            TableName: tableName,
            Item: { pk, sk: withdrawnSk(referralId), kind: 'withdrawal', referralId, ...withdrawal },
          },
        },
        ...(recorded
          ? [
              {
                Update: {
                  TableName: tableName,
                  Key: { pk, sk: referralSk(referralId) },
                  UpdateExpression: 'SET coveragePending = :no REMOVE gsi1pk, gsi1sk',
                  ExpressionAttributeValues: { ':no': false },
                },
              },
            ]
          : []),
      ];
    },

    /** Counts a re-verification attempt that still got no answer, without a new determination. */
    recordAttempt(tenantId: string, record: ReferralRecord, checkedAt: string): StateWrite {
      return {
        Update: {
          TableName: tableName,
          Key: { pk: patientPk(tenantId, record.patientId), sk: referralSk(record.referralId) },
          UpdateExpression: 'SET coverageAttempts = coverageAttempts + :one, lastCoverageAttemptAt = :at',
          ConditionExpression: 'determinationVersion = :v',
          ExpressionAttributeValues: { ':one': 1, ':at': checkedAt, ':v': record.determinationVersion },
        },
      };
    },

    /** The tenant's referrals whose coverage is still unverified (sparse index). */
    async pending(tenantId: string): Promise<PendingCoverage[]> {
      const found: PendingCoverage[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': coveragePendingKey(tenantId) },
            ProjectionExpression: 'patientId, referralId',
            ...(startKey ? { ExclusiveStartKey: startKey } : {}),
          }),
        );
        for (const item of page.Items ?? []) {
          found.push({ patientId: String(item.patientId), referralId: String(item.referralId) });
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return found;
    },
  };
}

/** The referral store built on a table. */
export type ReferralStore = ReturnType<typeof createReferralStore>;
