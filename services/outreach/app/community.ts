import {
  type Commit,
  ConflictError,
  decodeCursor,
  encodeCursor,
  NotFoundError,
  type TenantPrincipal,
  ValidationError,
} from '@carelink/lambda-kit';
import type { Temporal } from 'temporal-polyfill';
import type { Stores } from '../compose';
import { type ReferralStatus, sendReferral, transitionReferral } from '../domain';
import type { CommunityResource, StoredReferral } from '../store/community';
import { patientOfCaller } from './access';

const PAGE = 50;

export function referralView(referral: StoredReferral) {
  return {
    referralId: referral.id,
    caseId: referral.caseId,
    resourceId: referral.organizationId,
    category: referral.category,
    status: referral.status,
    history: referral.history.map((h) => ({ status: h.status, at: h.at.toString(), by: h.by })),
  };
}

export function putResource(
  stores: Pick<Stores, 'community'>,
  principal: TenantPrincipal,
  resource: CommunityResource,
  now: Temporal.Instant,
): Commit {
  return {
    writes: [stores.community.putResource(principal.tenantId, resource, principal.subject, now.toString())],
    events: [],
  };
}

export async function listResources(
  stores: Pick<Stores, 'community'>,
  principal: TenantPrincipal,
  query: { category?: string | undefined; cursor?: string | undefined },
) {
  const startKey = decodeCursor(principal.tenantId, query.cursor);
  if (startKey === null) throw new ValidationError('Invalid cursor', [{ path: 'cursor', code: 'invalid' }]);
  const page = await stores.community.resources(principal.tenantId, {
    limit: PAGE,
    ...(startKey ? { startKey } : {}),
  });
  const nextCursor = encodeCursor(principal.tenantId, page.lastKey);
  return {
    items: page.items.filter((r) => query.category === undefined || r.category === query.category),
    ...(nextCursor ? { nextCursor } : {}),
  };
}

export async function referPatient(
  stores: Pick<Stores, 'cases' | 'community'>,
  principal: TenantPrincipal,
  patientId: string,
  resourceId: string,
  ids: { referralId: string; now: Temporal.Instant },
): Promise<{ referral: StoredReferral; commit: Commit }> {
  const patient = await patientOfCaller(stores, principal, patientId);
  const resource = await stores.community.resource(principal.tenantId, resourceId);
  if (!resource?.active)
    throw new ValidationError('Unknown or inactive community resource', [
      { path: 'resourceId', code: 'unknown' },
    ]);
  const { referral } = sendReferral({
    id: ids.referralId,
    caseId: patient.caseId,
    category: resource.category,
    organizationId: resource.resourceId,
    by: principal.subject,
    at: ids.now,
  });
  const stored: StoredReferral = { ...referral, patientId, version: 1 };
  const raced = () => new ConflictError('The referral already exists');
  return {
    referral: stored,
    commit: {
      writes: [stores.community.putReferral(principal.tenantId, stored, undefined, raced)],
      events: [],
    },
  };
}

export async function moveReferral(
  stores: Pick<Stores, 'cases' | 'community'>,
  principal: TenantPrincipal,
  patientId: string,
  referralId: string,
  to: ReferralStatus,
  now: Temporal.Instant,
): Promise<{ referral: StoredReferral; commit: Commit }> {
  await patientOfCaller(stores, principal, patientId);
  const current = await stores.community.referral(principal.tenantId, patientId, referralId);
  if (!current) throw new NotFoundError('Community referral');
  const { referral } = transitionReferral(current, to, { by: principal.subject, at: now });
  const next: StoredReferral = { ...referral, patientId, version: current.version + 1 };
  const raced = () => new ConflictError('The referral changed concurrently; read it again');
  return {
    referral: next,
    commit: {
      writes: [stores.community.putReferral(principal.tenantId, next, current.version, raced)],
      events: [],
    },
  };
}
