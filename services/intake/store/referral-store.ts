import { BatchGetCommand, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { ReferralStatus } from '@carelink/contracts';
import type { ServiceRuntime, StateWrite } from '@carelink/lambda-kit';
import { DuplicateReferralError, StaleVersionError } from '../domain/errors';
import type { Referral } from '../domain/referral';
import { keys, withoutKeys } from './keys';
import { revisionOf } from './network-store';

const BATCH_GET_ATTEMPTS = 5;

export interface ReferralQuery {
  status?: ReferralStatus | undefined;
  updatedSince?: string | undefined;
  startKey?: Record<string, unknown> | undefined;
  limit: number;
}

/** Referral aggregates, their external-id uniqueness items and the member → patient links. */
export function createReferralStore(runtime: ServiceRuntime) {
  function item(referral: Referral): Record<string, unknown> {
    return {
      ...keys.referral(referral.tenantId, referral.id),
      gsi1pk: keys.referralsByUpdate(referral.partnerId),
      gsi1sk: keys.referralUpdateSort(referral.updatedAt, referral.id),
      kind: 'referral',
      ...referral,
    };
  }

  async function get(tenantId: string, referralId: string): Promise<Referral | undefined> {
    const { Item } = await runtime.db.send(
      new GetCommand({
        TableName: runtime.tableName,
        Key: keys.referral(tenantId, referralId),
        ConsistentRead: true,
      }),
    );
    return Item ? withoutKeys<Referral>(Item) : undefined;
  }

  /** The patient id the tenant already gave this person (by patient key), if any. */
  async function patientIdOf(tenantId: string, patientKey: string): Promise<string | undefined> {
    const { Item } = await runtime.db.send(
      new GetCommand({
        TableName: runtime.tableName,
        Key: keys.patient(tenantId, patientKey),
        ConsistentRead: true,
      }),
    );
    return typeof Item?.patientId === 'string' ? Item.patientId : undefined;
  }

  /**
   * The member link in a tenant and the partner's network revision, in one consistent
   * `BatchGetItem`: when the revision is the one a route was computed from, the route and the link
   * are both current after one round trip.
   */
  async function patientIdWithNetworkRevision(
    tenantId: string,
    patientKey: string,
    partnerId: string,
  ): Promise<{ patientId: string | undefined; networkRevision: number | undefined }> {
    const { tableName } = runtime;
    const link = keys.patient(tenantId, patientKey);
    const revision = keys.networkRevision(partnerId);
    const found: Record<string, unknown>[] = [];
    let pending: Record<string, unknown>[] = [link, revision];
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > BATCH_GET_ATTEMPTS) throw new Error('the member link could not be read');
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
      const { Responses, UnprocessedKeys } = await runtime.db.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      found.push(...(Responses?.[tableName] ?? []));
      pending = UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
    const itemAt = (key: { pk: string; sk: string }) =>
      found.find((item) => item.pk === key.pk && item.sk === key.sk);
    const patientId = itemAt(link)?.patientId;
    return {
      patientId: typeof patientId === 'string' ? patientId : undefined,
      networkRevision: revisionOf(itemAt(revision)),
    };
  }

  /** The tenant a partner's referral went to; undefined when the partner sent no such referral. */
  async function tenantOfSent(partnerId: string, referralId: string): Promise<string | undefined> {
    const { Item } = await runtime.db.send(
      new GetCommand({
        TableName: runtime.tableName,
        Key: keys.sentReferral(partnerId, referralId),
        ConsistentRead: true,
      }),
    );
    return typeof Item?.tenantId === 'string' ? Item.tenantId : undefined;
  }

  /**
   * Writes of a new referral: the referral in the receiving tenant, the sender's pointer to it, its
   * external id (unique per partner) and the person's patient link (created, or checked unchanged).
   */
  function create(referral: Referral, patientLink: 'new' | 'existing'): StateWrite[] {
    const { tableName } = runtime;
    const patient = keys.patient(referral.tenantId, referral.patientKey);
    const external = keys.externalReferral(referral.partnerId, referral.externalReferralId);
    return [
      {
        Put: {
          TableName: tableName,
          Item: item(referral),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.sentReferral(referral.partnerId, referral.id),
            kind: 'sent-referral',
            tenantId: referral.tenantId,
            createdAt: referral.createdAt,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: tableName,
          Item: {
            ...external,
            kind: 'external-referral',
            referralId: referral.id,
            createdAt: referral.createdAt,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
        onConditionFailed: async () => {
          const { Item } = await runtime.db.send(
            new GetCommand({ TableName: tableName, Key: external, ConsistentRead: true }),
          );
          return new DuplicateReferralError(String(Item?.referralId ?? ''));
        },
      },
      patientLink === 'new'
        ? {
            Put: {
              TableName: tableName,
              Item: {
                ...patient,
                kind: 'patient',
                patientId: referral.patientId,
                createdAt: referral.createdAt,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          }
        : {
            ConditionCheck: {
              TableName: tableName,
              Key: patient,
              ConditionExpression: 'patientId = :patientId',
              ExpressionAttributeValues: { ':patientId': referral.patientId },
            },
          },
    ];
  }

  /** Replaces a referral if nobody changed it since `expectedVersion` was read. */
  function replace(referral: Referral, expectedVersion: number): StateWrite {
    return {
      Put: {
        TableName: runtime.tableName,
        Item: item(referral),
        ConditionExpression: 'attribute_exists(pk) AND version = :expected',
        ExpressionAttributeValues: { ':expected': expectedVersion },
      },
      onConditionFailed: () => new StaleVersionError(),
    };
  }

  /** A partner's referrals, most recently updated first. */
  async function list(
    partnerId: string,
    query: ReferralQuery,
  ): Promise<{ items: Referral[]; lastKey?: Record<string, unknown> }> {
    const items: Referral[] = [];
    let startKey = query.startKey;
    // A status filter is applied after reading, so keep reading (boundedly) until the page is full.
    for (let round = 0; round < 10; round++) {
      const input: QueryCommandInput = {
        TableName: runtime.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: query.updatedSince ? 'gsi1pk = :pk AND gsi1sk >= :since' : 'gsi1pk = :pk',
        ExpressionAttributeValues: {
          ':pk': keys.referralsByUpdate(partnerId),
          ...(query.updatedSince ? { ':since': query.updatedSince } : {}),
          ...(query.status ? { ':status': query.status } : {}),
        },
        ...(query.status
          ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } }
          : {}),
        ScanIndexForward: false,
        Limit: query.limit - items.length,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      };
      const page = await runtime.db.send(new QueryCommand(input));
      items.push(...(page.Items ?? []).map((item) => withoutKeys<Referral>(item)));
      startKey = page.LastEvaluatedKey;
      if (!startKey || items.length >= query.limit) break;
    }
    return startKey ? { items, lastKey: startKey } : { items };
  }

  return { get, patientIdOf, patientIdWithNetworkRevision, tenantOfSent, create, replace, list };
}

export type ReferralStore = ReturnType<typeof createReferralStore>;
