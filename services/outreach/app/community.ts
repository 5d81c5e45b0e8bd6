import type { Instant } from '@carelink/calendar';
import type { CommunityReferralReason } from '@carelink/contracts';
import {
  type Commit,
  ConflictError,
  decodeCursor,
  type EventDraft,
  encodeCursor,
  NotFoundError,
  type TenantPrincipal,
  ValidationError,
} from '@carelink/lambda-kit';
import type { Stores } from '../compose';
import {
  latestReason,
  type ReferralStatus,
  sendReferral,
  taskStatusOfReferral,
  transitionReferral,
} from '../domain';
import type { PatientProfile } from '../store/cases';
import type { CommunityResource, StoredReferral } from '../store/community';
import { patientOfCaller } from './access';
import { communityReferralStatusChanged } from './events';

const PAGE = 50;

export function referralView(referral: StoredReferral) {
  return {
    referralId: referral.id,
    caseId: referral.caseId,
    resourceId: referral.organizationId,
    category: referral.category,
    status: referral.status,
    taskStatus: taskStatusOfReferral[referral.status],
    history: referral.history.map((h) => ({
      status: h.status,
      at: h.at.toString(),
      by: h.by,
      ...(h.reason ? { reason: h.reason } : {}),
    })),
  };
}

/** The status change as other services and the referring partner learn of it: codes, no names. */
async function statusChanged(
  stores: Pick<Stores, 'cases'>,
  tenantId: string,
  patient: PatientProfile,
  referral: StoredReferral,
): Promise<EventDraft> {
  const current = await stores.cases.caseOf(tenantId, patient.patientId, referral.caseId);
  const referralId = current?.projection.referralId;
  const previous = referral.history.at(-2)?.status ?? null;
  return communityReferralStatusChanged({
    communityReferralId: referral.id,
    ...(referralId ? { referralId } : {}),
    patientId: patient.patientId,
    caseId: referral.caseId,
    practiceId: patient.practiceId,
    category: referral.category,
    status: referral.status,
    previousStatus: previous,
    taskStatus: taskStatusOfReferral[referral.status],
    reason: latestReason(referral),
    changedAt: (referral.history.at(-1)?.at ?? '').toString(),
    version: referral.version,
  });
}

/** The patient's community referrals, newest first. */
export async function listReferrals(
  stores: Pick<Stores, 'cases' | 'community'>,
  principal: TenantPrincipal,
  patientId: string,
  status: ReferralStatus | undefined,
) {
  await patientOfCaller(stores, principal, patientId);
  const referrals = await stores.community.referralsOfPatient(principal.tenantId, patientId);
  return referrals
    .filter((referral) => status === undefined || referral.status === status)
    .sort((a, b) => b.id.localeCompare(a.id))
    .map(referralView);
}

export function putResource(
  stores: Pick<Stores, 'community'>,
  principal: TenantPrincipal,
  resource: CommunityResource,
  now: Instant,
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
  ids: { referralId: string; now: Instant },
): Promise<{ referral: StoredReferral; commit: Commit }> {
  const patient = await patientOfCaller(stores, principal, patientId);
  const resource = await stores.community.resource(principal.tenantId, resourceId);
  if (!resource?.active)
    throw new ValidationError('Unknown or inactive community resource', [
      { path: 'resourceId', code: 'unknown' },
    ]);
  const referral = sendReferral({
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
      events: [await statusChanged(stores, principal.tenantId, patient, stored)],
    },
  };
}

export async function moveReferral(
  stores: Pick<Stores, 'cases' | 'community'>,
  principal: TenantPrincipal,
  patientId: string,
  referralId: string,
  change: { to: ReferralStatus; reason?: CommunityReferralReason | undefined },
  now: Instant,
): Promise<{ referral: StoredReferral; commit: Commit }> {
  const patient = await patientOfCaller(stores, principal, patientId);
  const current = await stores.community.referral(principal.tenantId, patientId, referralId);
  if (!current) throw new NotFoundError('Community referral');
  const referral = transitionReferral(current, change.to, {
    by: principal.subject,
    at: now,
    reason: change.reason,
  });
  const next: StoredReferral = { ...referral, patientId, version: current.version + 1 };
  const raced = () => new ConflictError('The referral changed concurrently; read it again');
  return {
    referral: next,
    commit: {
      writes: [stores.community.putReferral(principal.tenantId, next, current.version, raced)],
      events: [await statusChanged(stores, principal.tenantId, patient, next)],
    },
  };
}
