import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { PartnerChangedData } from '@carelink/contracts';
import type { ServiceRuntime } from '@carelink/lambda-kit';
import type { NetworkAgreement } from '../domain/routing';
import { keys, withoutKeys } from './keys';

/**
 * Intake's projection of the directory: each partner's network agreements and the partners
 * themselves. Each record keeps its newest version; an older or repeated event changes nothing.
 */
export function createNetworkStore(runtime: ServiceRuntime) {
  const { tableName } = runtime;

  /** Writes the record unless a newer or equal version is there; false when it was not newer. */
  async function putNewer(item: Record<string, unknown>, version: number): Promise<boolean> {
    try {
      await runtime.db.send(
        new PutCommand({
          TableName: tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(pk) OR version < :version',
          ExpressionAttributeValues: { ':version': version },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async function queryAll(input: ConstructorParameters<typeof QueryCommand>[0]) {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await runtime.db.send(
        new QueryCommand({ ...input, ...(startKey ? { ExclusiveStartKey: startKey } : {}) }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  return {
    applyAgreement: (agreement: NetworkAgreement) =>
      putNewer(
        {
          ...keys.networkAgreement(agreement.partnerId, agreement.agreementId),
          kind: 'agreement',
          ...agreement,
        },
        agreement.version,
      ),

    applyPartner: (partner: PartnerChangedData) =>
      putNewer(
        {
          ...keys.partner(partner.partnerId),
          gsi1pk: keys.partners,
          gsi1sk: partner.partnerId,
          kind: 'partner',
          ...partner,
        },
        partner.version,
      ),

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

export type NetworkStore = ReturnType<typeof createNetworkStore>;
