import { parseInstant } from '@carelink/calendar';
import type { StateWrite } from '@carelink/lambda-kit';
import type { CommunityReferral, CommunityResourceCategory } from '../domain';
import { keys, sk } from './keys';
import type { Item, Table } from './table';

/** A directory entry of community organisations (public information, no patient data). */
export interface CommunityResource {
  readonly resourceId: string;
  readonly name: string;
  readonly category: CommunityResourceCategory;
  readonly phone?: string;
  readonly website?: string;
  readonly active: boolean;
}

export interface StoredReferral extends CommunityReferral {
  readonly patientId: string;
  readonly version: number;
}

function toResource(item: Item): CommunityResource {
  const { pk: _pk, sk: _sk, kind: _kind, updatedAt: _u, updatedBy: _b, ...resource } = item;
  return resource as unknown as CommunityResource;
}

type StoredChange = {
  status: string;
  at: string;
  by: string;
  reason?: CommunityReferral['history'][number]['reason'];
};

/** `declined` is what a rejection was called before the loop followed the FHIR Task statuses. */
const statusOf = (status: string) =>
  (status === 'declined' ? 'rejected' : status) as CommunityReferral['status'];

function toReferral(item: Item): StoredReferral {
  return {
    id: item.referralId as string,
    patientId: item.patientId as string,
    caseId: item.caseId as string,
    category: item.category as CommunityResourceCategory,
    organizationId: item.resourceId as string,
    status: statusOf(item.status as string),
    history: (item.history as StoredChange[]).map((h) => ({
      ...h,
      status: statusOf(h.status),
      at: parseInstant(h.at),
    })),
    version: item.version as number,
  };
}

/** The tenant's community resource directory and patients' community referrals. */
export function createCommunityStore(table: Table) {
  async function resource(tenantId: string, resourceId: string): Promise<CommunityResource | undefined> {
    const item = await table.get(keys.resources(tenantId), resourceId);
    return item ? toResource(item) : undefined;
  }

  async function resources(
    tenantId: string,
    options: { limit: number; startKey?: Record<string, unknown> },
  ): Promise<{ items: CommunityResource[]; lastKey?: Record<string, unknown> }> {
    const page = await table.queryPage(keys.resources(tenantId), '', options);
    return { items: page.items.map(toResource), ...(page.lastKey ? { lastKey: page.lastKey } : {}) };
  }

  function putResource(tenantId: string, resource: CommunityResource, by: string, at: string): StateWrite {
    return {
      Put: {
        TableName: table.name,
        Item: {
          pk: keys.resources(tenantId),
          sk: resource.resourceId,
          kind: 'community-resource',
          ...resource,
          updatedBy: by,
          updatedAt: at,
        },
      },
    };
  }

  async function referral(
    tenantId: string,
    patientId: string,
    referralId: string,
  ): Promise<StoredReferral | undefined> {
    const item = await table.get(keys.patient(tenantId, patientId), sk.communityReferral(referralId));
    return item ? toReferral(item) : undefined;
  }

  /** Writes a referral; `expectedVersion` undefined creates it, otherwise the version must match. */
  function putReferral(
    tenantId: string,
    referral: StoredReferral,
    expectedVersion: number | undefined,
    onRace: () => Error,
  ): StateWrite {
    return {
      Put: {
        TableName: table.name,
        Item: {
          pk: keys.patient(tenantId, referral.patientId),
          sk: sk.communityReferral(referral.id),
          kind: 'community-referral',
          referralId: referral.id,
          patientId: referral.patientId,
          caseId: referral.caseId,
          category: referral.category,
          resourceId: referral.organizationId,
          status: referral.status,
          history: referral.history.map((h) => ({
            status: h.status,
            at: h.at.toString(),
            by: h.by,
            ...(h.reason ? { reason: h.reason } : {}),
          })),
          version: referral.version,
        },
        ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(pk)' : 'version = :v',
        ...(expectedVersion === undefined ? {} : { ExpressionAttributeValues: { ':v': expectedVersion } }),
      },
      onConditionFailed: onRace,
    };
  }

  async function referralsOfPatient(tenantId: string, patientId: string): Promise<StoredReferral[]> {
    return (await table.queryPrefix(keys.patient(tenantId, patientId), 'COMMUNITY-REFERRAL#')).map(
      toReferral,
    );
  }

  return { resource, resources, putResource, referral, referralsOfPatient, putReferral };
}

export type CommunityStore = ReturnType<typeof createCommunityStore>;
