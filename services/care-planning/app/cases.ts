import type { CareTeamChangedData } from '@carelink/contracts';
import {
  type Commit,
  ConflictError,
  decodeCursor,
  encodeCursor,
  ForbiddenError,
  NotFoundError,
  requirePractice,
  type StateWrite,
  type TenantPrincipal,
  ValidationError,
} from '@carelink/lambda-kit';
import type * as z from 'zod/mini';
import type { CarePlanning } from '../compose';
import {
  type AssessmentSectionName,
  type AssessmentSections,
  beginAssessment,
  completeAssessment,
  recordSection,
} from '../domain/assessment';
import { activePrimary, addSecondary, reassignPrimary, removeSecondary } from '../domain/care-team';
import { type CloseReason, closeCase } from '../domain/case';
import { settledMilestones } from '../domain/case-tasks';
import { milestoneDeadlines } from '../domain/deadlines';
import type { SecondaryService } from '../domain/roster';
import { type CaseRecord, type CaseStatus, primaryOf } from '../store/case-store';
import { actorOf, caseForStaff, requireCareTeam, requirePrimary } from './access';
import { now } from './clock';
import * as published from './events';
import { assignFirstPrimary } from './open-case';
import { settleTasks } from './review-tasks';
import { assessmentView, caseDetail, caseSummary } from './views';

/** Cases of the caller's practice assigned to `me`, a staff id, or the unassigned worklist. */
export async function listCases(
  ctx: CarePlanning,
  principal: TenantPrincipal,
  query: { assignee: string; status?: CaseStatus | undefined; limit: number; cursor?: string | undefined },
) {
  const practiceId = requirePractice(principal);
  const start = decodeCursor(principal.tenantId, query.cursor);
  if (start === null)
    throw new ValidationError('The cursor is not valid', [{ path: 'query.cursor', code: 'invalid' }]);
  const assignee =
    query.assignee === 'me'
      ? principal.subject
      : query.assignee === 'unassigned'
        ? undefined
        : query.assignee;
  const page = await ctx.cases.listByAssignee(principal.tenantId, practiceId, assignee, {
    limit: query.limit,
    ...(query.status ? { status: query.status } : {}),
    ...(start ? { start } : {}),
  });
  const nextCursor = encodeCursor(principal.tenantId, page.lastKey);
  // The applied filter is echoed: a new care manager's empty `me` list is then not a mystery.
  const filter = { assignee: query.assignee, ...(query.status ? { status: query.status } : {}) };
  return { items: page.records.map(caseSummary), ...(nextCursor ? { nextCursor } : {}), filter };
}

async function detailOf(ctx: CarePlanning, tenantId: string, record: CaseRecord) {
  const [assessment, tasks] = await Promise.all([
    ctx.cases.getAssessment(tenantId, record.case.caseId),
    ctx.cases.listTasks(tenantId, record.case.caseId),
  ]);
  return caseDetail(record, assessment?.assessment, tasks, now(ctx));
}

/** The case as its care team reads it, with the patient it concerns (for the access record). */
export async function getCase(ctx: CarePlanning, principal: TenantPrincipal, caseId: string) {
  const record = await caseForStaff(ctx, principal, caseId);
  return { detail: await detailOf(ctx, principal.tenantId, record), patientId: record.case.patientId };
}

/**
 * Begins the assessment on the first write, records the sections sent and completes it on request.
 * Beginning and completing stop the matching deadline from being reported overdue.
 */
export async function putAssessment(
  ctx: CarePlanning,
  principal: TenantPrincipal,
  caseId: string,
  body: { sections: Partial<AssessmentSections>; complete?: boolean | undefined },
): Promise<{ assessment: ReturnType<typeof assessmentView>; commit?: Commit }> {
  const { tenantId } = principal;
  const record = await caseForStaff(ctx, principal, caseId);
  if (record.case.state === 'closed') throw new ConflictError('The case is closed');
  requireCareTeam(record, principal);
  const stored = await ctx.cases.getAssessment(tenantId, caseId);
  const sent = Object.entries(body.sections) as [
    AssessmentSectionName,
    AssessmentSections[AssessmentSectionName],
  ][];
  if (stored?.assessment.completedAt) {
    if (sent.length > 0) throw new ConflictError('The assessment is complete');
    return { assessment: assessmentView(stored.assessment) };
  }
  const at = now(ctx);
  const [begin, complete] = milestoneDeadlines(record.case.identifiedAt);
  const deadlineWrites: StateWrite[] = [];
  let assessment = stored?.assessment ?? beginAssessment(record.case, ctx.runtime.newId(), at);
  if (!stored && begin) deadlineWrites.push(...ctx.cases.removeDeadlines(tenantId, caseId, [begin]));
  for (const [name, section] of sent) assessment = recordSection(assessment, name, section);
  if (body.complete) {
    assessment = completeAssessment(assessment, at);
    if (complete) deadlineWrites.push(...ctx.cases.removeDeadlines(tenantId, caseId, [complete]));
  }
  const version = (stored?.version ?? 0) + 1;
  const settledKeys = new Set(settledMilestones(assessment).map((m) => `assessment-overdue#${caseId}#${m}`));
  const overdue = (await ctx.cases.listTasks(tenantId, caseId)).filter((task) =>
    settledKeys.has(task.taskKey),
  );
  const settled = settleTasks(ctx, tenantId, overdue, {
    patientId: record.case.patientId,
    practiceId: record.case.practiceId,
    by: principal.subject,
  });
  const c = record.case;
  const completed =
    body.complete && assessment.completedAt
      ? [
          published.assessmentCompleted(
            {
              assessmentId: assessment.assessmentId,
              caseId,
              patientId: c.patientId,
              practiceId: c.practiceId,
              program: c.program,
              begunAt: assessment.begunAt,
              completedAt: assessment.completedAt,
              completedBy: principal.subject,
            },
            version,
          ),
        ]
      : [];
  return {
    assessment: assessmentView(assessment),
    commit: {
      writes: [ctx.cases.saveAssessment(tenantId, assessment, version), ...deadlineWrites, ...settled.writes],
      events: [...settled.events, ...completed],
    },
  };
}

/** The assessment of a case of the caller's practice, once begun. */
export async function getAssessment(ctx: CarePlanning, principal: TenantPrincipal, caseId: string) {
  const record = await caseForStaff(ctx, principal, caseId);
  const stored = await ctx.cases.getAssessment(principal.tenantId, caseId);
  if (!stored) throw new NotFoundError('Assessment');
  return { assessment: assessmentView(stored.assessment), patientId: record.case.patientId };
}

type CareTeamChange =
  | { action: 'reassign-primary'; staffId: string }
  | { action: 'add-secondary' | 'remove-secondary'; staffId: string; service: SecondaryService };

/**
 * Staff admins and the case's primary change the care team. A new primary must be an active care
 * manager with spare capacity (checked when the change is written); a secondary must offer the service.
 */
export async function changeCareTeam(
  ctx: CarePlanning,
  principal: TenantPrincipal,
  caseId: string,
  change: CareTeamChange,
) {
  const { tenantId } = principal;
  const record = await caseForStaff(ctx, principal, caseId);
  const isAdmin = principal.scopes.has('roster:manage');
  const isPrimary = principal.scopes.has('cases:write') && actorOf(record, principal).kind === 'primary';
  if (!isAdmin && !isPrimary)
    throw new ForbiddenError('Only a staff admin or the primary may change the care team');

  const c = record.case;
  const member = await ctx.roster.get(tenantId, c.practiceId, change.staffId);
  const unsuitable = (code: string) =>
    new ValidationError('The staff member cannot take this role', [{ path: 'staffId', code }]);
  if (change.action !== 'remove-secondary') {
    if (!member) throw unsuitable('not-on-roster');
    if (!member.active) throw unsuitable('inactive');
    if (change.action === 'reassign-primary' && member.role !== 'care-manager')
      throw unsuitable('not-a-care-manager');
    if (change.action === 'add-secondary' && !member.services.includes(change.service))
      throw unsuitable('does-not-offer-service');
  }

  let result: { record: CaseRecord; commit: Commit };
  if (record.status === 'unassigned' && c.careTeam.length === 0) {
    if (change.action !== 'reassign-primary') throw new ConflictError('Assign a primary case manager first');
    result = assignFirstPrimary(ctx, tenantId, record, change.staffId, { isNew: false });
  } else {
    result = changeAssignedTeam(ctx, tenantId, record, change);
  }
  return { detail: await detailOf(ctx, tenantId, result.record), commit: result.commit };
}

function changeAssignedTeam(
  ctx: CarePlanning,
  tenantId: string,
  record: CaseRecord,
  change: CareTeamChange,
): { record: CaseRecord; commit: Commit } {
  const c = record.case;
  const at = now(ctx);
  const base = { caseId: c.caseId, patientId: c.patientId, practiceId: c.practiceId };
  const writes: StateWrite[] = [];
  let next: CaseRecord;
  let data: z.input<typeof CareTeamChangedData>;
  if (change.action === 'reassign-primary') {
    const previous = activePrimary(c);
    next = { ...record, case: reassignPrimary(c, change.staffId, at).case, version: record.version + 1 };
    writes.push(
      ctx.roster.takeCase(tenantId, c.practiceId, change.staffId),
      ctx.roster.releaseCase(tenantId, c.practiceId, previous),
    );
    data = { ...base, change: 'primary-reassigned', staffId: change.staffId, previousStaffId: previous };
  } else if (change.action === 'add-secondary') {
    next = {
      ...record,
      case: addSecondary(c, change.staffId, change.service, at).case,
      version: record.version + 1,
    };
    data = { ...base, change: 'secondary-added', staffId: change.staffId, service: change.service };
  } else {
    next = {
      ...record,
      case: removeSecondary(c, change.staffId, change.service, at).case,
      version: record.version + 1,
    };
    data = { ...base, change: 'secondary-removed', staffId: change.staffId, service: change.service };
  }
  return {
    record: next,
    commit: {
      writes: [ctx.cases.save(tenantId, next), ...writes],
      events: [published.careTeamChanged(data, next.version)],
    },
  };
}

/** The primary closes the case: capacity is handed back and the assessment deadlines are dropped. */
export async function closeCaseFor(
  ctx: CarePlanning,
  principal: TenantPrincipal,
  caseId: string,
  reason: CloseReason,
) {
  const { tenantId } = principal;
  const record = await caseForStaff(ctx, principal, caseId);
  if (record.status === 'unassigned' && record.case.careTeam.length === 0)
    throw new ConflictError('The case has no primary yet');
  if (record.case.state === 'closed') throw new ConflictError('The case is already closed');
  requirePrimary(record, principal);
  const { next, commit } = closing(ctx, tenantId, record, reason);
  return { detail: await detailOf(ctx, tenantId, next), commit };
}

/**
 * The writes and event that close a case: the record, the primary's capacity handed back (when it
 * has one) and its assessment deadlines dropped, and `CaseClosed`.
 */
export function closing(
  ctx: CarePlanning,
  tenantId: string,
  record: CaseRecord,
  reason: CloseReason,
): { next: CaseRecord; commit: Commit } {
  const c = record.case;
  const primary = primaryOf(record);
  const closed = closeCase(c, reason, now(ctx)).case;
  const next: CaseRecord = { ...record, case: closed, status: 'closed', version: record.version + 1 };
  return {
    next,
    commit: {
      writes: [
        ctx.cases.save(tenantId, next),
        ...(primary ? [ctx.roster.releaseCase(tenantId, c.practiceId, primary)] : []),
        ...ctx.cases.removeDeadlines(tenantId, c.caseId, milestoneDeadlines(c.identifiedAt)),
      ],
      events: [
        published.caseClosed(
          {
            caseId: c.caseId,
            patientId: c.patientId,
            referralId: c.referralId,
            practiceId: c.practiceId,
            program: c.program,
            reason,
          },
          next.version,
        ),
      ],
    },
  };
}
