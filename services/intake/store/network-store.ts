import { paginateQuery, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { PartnerChangedData } from '@carelink/contracts';
import { putIfNewer, type ServiceRuntime } from '@carelink/lambda-kit';
import type { NetworkAgreement } from '../domain/routing';
import { keys, withoutKeys } from './keys';

/**
 * Intake's projection of the directory: each partner's network agreements and the partners
 * themselves. Each record keeps its newest version; an older or repeated event changes nothing.
 */
export function createNetworkStore(runtime: ServiceRuntime) {
  const { tableName } = runtime;

  async function queryAll(input: QueryCommandInput) {
    const items: Record<string, unknown>[] = [];
    for await (const page of paginateQuery({ client: runtime.db }, input)) items.push(...(page.Items ?? []));
    return items;
  }

  return {
    applyAgreement: (agreement: NetworkAgreement) =>
      putIfNewer(runtime, {
        ...keys.networkAgreement(agreement.partnerId, agreement.agreementId),
        kind: 'agreement',
        ...agreement,
      }),

    applyPartner: (partner: PartnerChangedData) =>
      putIfNewer(runtime, {
        ...keys.partner(partner.partnerId),
        gsi1pk: keys.partners,
        gsi1sk: partner.partnerId,
        kind: 'partner',
        ...partner,
      }),

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
