import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ServiceRuntime, StateWrite } from '@carelink/lambda-kit';
import { keys } from './keys';

/** What a consent event says, enough to key and match it. */
export interface ConsentFacts {
  readonly consentId: string;
  readonly patientId: string;
  readonly practiceId: string;
  readonly program: string;
}

/**
 * Which patients consented to care, as eligibility published it: enough to tell an enrolled patient
 * from one who was only identified. A revocation wins over a late recording of the same consent.
 */
export function consentStore(runtime: ServiceRuntime) {
  const { db, tableName } = runtime;
  return {
    recorded(tenantId: string, data: ConsentFacts): StateWrite {
      return {
        Update: {
          TableName: tableName,
          Key: keys.consent(tenantId, data.patientId, data.consentId),
          UpdateExpression:
            'SET practiceId = :practice, program = :program, active = if_not_exists(active, :yes)',
          ExpressionAttributeValues: { ':practice': data.practiceId, ':program': data.program, ':yes': true },
        },
      };
    },

    revoked(tenantId: string, data: ConsentFacts): StateWrite {
      return {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.consent(tenantId, data.patientId, data.consentId),
            practiceId: data.practiceId,
            program: data.program,
            active: false,
          },
        },
      };
    },

    /** Whether the patient holds an active consent with the practice. */
    async hasActive(tenantId: string, patientId: string, practiceId: string): Promise<boolean> {
      const { Items } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.consentsPk(tenantId, patientId) },
          ConsistentRead: true,
        }),
      );
      return (Items ?? []).some((item) => item.active === true && item.practiceId === practiceId);
    },
  };
}
