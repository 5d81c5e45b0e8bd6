import { ForbiddenError, NotFoundError, requirePractice, type TenantPrincipal } from '@carelink/lambda-kit';
import type { CarePlanning } from '../compose';
import { actorFor, type PlanActor } from '../domain/ownership';
import type { CaseRecord } from '../store/case-store';

/**
 * The case, when it belongs to the caller's tenant (by key) and practice. Anything else is a 404,
 * so staff cannot even learn that another practice's case exists.
 */
export async function caseForStaff(
  ctx: CarePlanning,
  principal: TenantPrincipal,
  caseId: string,
): Promise<CaseRecord> {
  const practiceId = requirePractice(principal);
  const record = await ctx.cases.get(principal.tenantId, caseId);
  if (!record || record.case.practiceId !== practiceId) throw new NotFoundError('Case');
  return record;
}

/** The caller's standing on the care team; a case without a primary has no care team yet. */
export function actorOf(record: CaseRecord, principal: TenantPrincipal): PlanActor {
  if (record.status === 'unassigned' && record.case.careTeam.length === 0)
    return { kind: 'outsider', staffId: principal.subject };
  return actorFor(record.case, principal.subject);
}

/** Refuses callers who are not on the care team. */
export function requireCareTeam(record: CaseRecord, principal: TenantPrincipal): PlanActor {
  const actor = actorOf(record, principal);
  if (actor.kind === 'outsider') throw new ForbiddenError('Only the care team may do this');
  return actor;
}

/** Refuses callers who are not the case's primary case manager. */
export function requirePrimary(record: CaseRecord, principal: TenantPrincipal): void {
  if (actorOf(record, principal).kind !== 'primary')
    throw new ForbiddenError('Only the primary case manager may do this');
}
