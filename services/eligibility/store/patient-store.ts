import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StateWrite } from '@carelink/lambda-kit';
import {
  CONSENT_PREFIX,
  PROFILE_SK,
  patientPk,
  REFERRAL_PREFIX,
  WITHDRAWN_PREFIX,
  withoutKeys,
} from './keys';
import type { PatientState, ReferralRecord, StoredConsent, Withdrawal } from './records';

/** Where the store reads and writes. */
export interface TableRef {
  readonly db: DynamoDBDocumentClient;
  readonly tableName: string;
}

/** Reads a patient's partition and builds the guard on its consent version. */
export function createPatientStore({ db, tableName }: TableRef) {
  return {
    /** The patient's referrals, consents and consent version (one paginated query). */
    async load(tenantId: string, patientId: string): Promise<PatientState> {
      const referrals: ReferralRecord[] = [];
      const consents: StoredConsent[] = [];
      const withdrawals = new Map<string, Withdrawal>();
      let consentVersion = 0;
      let known = false;
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': patientPk(tenantId, patientId) },
            ConsistentRead: true,
            ...(startKey ? { ExclusiveStartKey: startKey } : {}),
          }),
        );
        for (const item of page.Items ?? []) {
          const sk = String(item.sk);
          if (sk === PROFILE_SK) {
            known = true;
            consentVersion = Number(item.consentVersion ?? 0);
          } else if (sk.startsWith(REFERRAL_PREFIX)) {
            referrals.push(withoutKeys(item) as unknown as ReferralRecord);
          } else if (sk.startsWith(CONSENT_PREFIX)) {
            consents.push(withoutKeys(item) as unknown as StoredConsent);
          } else if (sk.startsWith(WITHDRAWN_PREFIX)) {
            withdrawals.set(sk.slice(WITHDRAWN_PREFIX.length), {
              at: String(item.at),
              reasonCode: String(item.reasonCode),
            });
          }
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      const withdrawn = (r: ReferralRecord) => {
        const withdrawal = withdrawals.get(r.referralId);
        return withdrawal ? { ...r, withdrawn: withdrawal } : r;
      };
      return {
        tenantId,
        patientId,
        known,
        consentVersion,
        referrals: referrals.map(withdrawn),
        consents,
        withdrawals,
      };
    },

    /**
     * Creates the patient's profile on first sight, or checks that its consent version is still
     * the one a determination was computed against.
     */
    guardConsentVersion(state: PatientState, at: string): StateWrite {
      return {
        Update: {
          TableName: tableName,
          Key: { pk: patientPk(state.tenantId, state.patientId), sk: PROFILE_SK },
          UpdateExpression:
            'SET consentVersion = if_not_exists(consentVersion, :zero), createdAt = if_not_exists(createdAt, :at)',
          ConditionExpression: 'attribute_not_exists(pk) OR consentVersion = :cv',
          ExpressionAttributeValues: { ':zero': 0, ':at': at, ':cv': state.consentVersion },
        },
      };
    },

    /** Moves the consent version on by one, failing if another consent change got there first. */
    bumpConsentVersion(state: PatientState, onConflict: () => Error): StateWrite {
      return {
        Update: {
          TableName: tableName,
          Key: { pk: patientPk(state.tenantId, state.patientId), sk: PROFILE_SK },
          UpdateExpression: 'SET consentVersion = :next',
          ConditionExpression: 'consentVersion = :cv',
          ExpressionAttributeValues: { ':cv': state.consentVersion, ':next': state.consentVersion + 1 },
        },
        onConditionFailed: onConflict,
      };
    },
  };
}

/** The patient store built on a table. */
export type PatientStore = ReturnType<typeof createPatientStore>;
