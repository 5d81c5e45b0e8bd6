import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  paginateQuery,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { PartnerChangedData } from '@carelink/contracts';
import { putIfNewer, type ServiceRuntime } from '@carelink/lambda-kit';
import type { NetworkAgreement } from '../domain/routing';
import { keys, withoutKeys } from './keys';

/**
 * Intake's projection of the directory: each partner's network agreements and the partners
 * themselves. Each record keeps its newest version; an older or repeated event changes nothing.
 * Every agreement that changes raises its partner's network revision in the same transaction, so
 * a network read earlier is known to be current while the revision is unchanged.
 */
export function createNetworkStore(runtime: ServiceRuntime) {
  const { tableName } = runtime;

  async function queryAll(input: QueryCommandInput) {
    const items: Record<string, unknown>[] = [];
    for await (const page of paginateQuery({ client: runtime.db }, input)) items.push(...(page.Items ?? []));
    return items;
  }

  return {
    async applyAgreement(agreement: NetworkAgreement): Promise<boolean> {
      try {
        await runtime.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: {
                    ...keys.networkAgreement(agreement.partnerId, agreement.agreementId),
                    kind: 'agreement',
                    ...agreement,
                  },
                  ConditionExpression: 'attribute_not_exists(pk) OR version < :version',
                  ExpressionAttributeValues: { ':version': agreement.version },
                },
              },
              {
                Update: {
                  TableName: tableName,
                  Key: keys.networkRevision(agreement.partnerId),
                  UpdateExpression: 'SET kind = :kind ADD revision :one',
                  ExpressionAttributeValues: { ':kind': 'network-revision', ':one': 1 },
                },
              },
            ],
          }),
        );
        return true;
      } catch (error) {
        const reasons = error instanceof TransactionCanceledException ? error.CancellationReasons : undefined;
        if (reasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
        throw error;
      }
    },

    applyPartner: (partner: PartnerChangedData) =>
      putIfNewer(runtime, {
        ...keys.partner(partner.partnerId),
        gsi1pk: keys.partners,
        gsi1sk: partner.partnerId,
        kind: 'partner',
        ...partner,
      }),

    /**
     * The partner's network revision; undefined for a network no agreement change has reached since
     * revisions were introduced (it is then read afresh every time).
     */
    async revision(partnerId: string): Promise<number | undefined> {
      const { Item } = await runtime.db.send(
        new GetCommand({ TableName: tableName, Key: keys.networkRevision(partnerId), ConsistentRead: true }),
      );
      return revisionOf(Item);
    },

    async agreementsOf(partnerId: string): Promise<NetworkAgreement[]> {
      const items = await queryAll({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.network(partnerId) },
        ConsistentRead: true,
      });
      return items.map((item) => withoutKeys<NetworkAgreement>(item));
    },

    /** Every partner intake has heard of, active or not (a former partner's retries still run out). */
    async partnerIds(): Promise<string[]> {
      const items = await queryAll({
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.partners },
      });
      return items.map((item) => String(item.partnerId));
    },
  };
}

export const revisionOf = (item: Record<string, unknown> | undefined): number | undefined =>
  typeof item?.revision === 'number' ? item.revision : undefined;

export type NetworkStore = ReturnType<typeof createNetworkStore>;
