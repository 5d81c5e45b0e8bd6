import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ClaimSubscriberChangedData } from '@carelink/contracts';
import type { ServiceRuntime, StateWrite } from '@carelink/lambda-kit';
import { batchGetAll } from './batch-get';
import { keys } from './keys';

/** The subscriber and coverage a patient's claims name, at the referral version it came with. */
export type ClaimSubscriber = Pick<ClaimSubscriberChangedData, 'subscriber' | 'coverage' | 'version'>;

/**
 * Billing's copy of who its claims are for. It is protected health information: it is read only to
 * render claims and never logged; the run itself decides without it.
 */
export function createSubscriberStore(runtime: ServiceRuntime) {
  const { db, tableName: TableName } = runtime;
  return {
    async get(tenantId: string, practiceId: string, patientId: string): Promise<ClaimSubscriber | undefined> {
      const { Item } = await db.send(
        new GetCommand({
          TableName,
          Key: keys.claimSubscriber(tenantId, practiceId, patientId),
          ConsistentRead: true,
        }),
      );
      return Item ? (Item.claimSubscriber as ClaimSubscriber) : undefined;
    },

    /** Keeps `next` unless an equal or newer referral version is already kept (repeats and reordering). */
    put(
      tenantId: string,
      practiceId: string,
      patientId: string,
      next: ClaimSubscriber,
      current: ClaimSubscriber | undefined,
    ): StateWrite {
      return {
        Put: {
          TableName,
          Item: {
            ...keys.claimSubscriber(tenantId, practiceId, patientId),
            kind: 'claim-subscriber',
            patientId,
            version: next.version,
            claimSubscriber: next,
          },
          ConditionExpression: current ? 'version = :seen' : 'attribute_not_exists(pk)',
          ...(current ? { ExpressionAttributeValues: { ':seen': current.version } } : {}),
        },
      };
    },

    async batchGet(
      tenantId: string,
      practiceId: string,
      patientIds: readonly string[],
    ): Promise<Map<string, ClaimSubscriber>> {
      const items = await batchGetAll(
        db,
        TableName,
        [...new Set(patientIds)].map((id) => keys.claimSubscriber(tenantId, practiceId, id)),
      );
      return new Map(items.map((item) => [String(item.patientId), item.claimSubscriber as ClaimSubscriber]));
    },
  };
}

export type SubscriberStore = ReturnType<typeof createSubscriberStore>;
