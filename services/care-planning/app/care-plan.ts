import {
  type Commit,
  ConflictError,
  type IfMatch,
  NotFoundError,
  PreconditionFailedError,
  type TenantPrincipal,
} from '@carelink/lambda-kit';
import type { CarePlanning } from '../compose';
import type { CarePlan } from '../domain/care-plan';
import { activateCase } from '../domain/case';
import { localDateOf } from '../domain/deadlines';
import { toFhirCarePlan } from '../domain/fhir-care-plan';
import { toPatientCopyHtml } from '../domain/patient-copy';
import { plannedInterventions, problemCodes } from '../domain/planned-interventions';
import { startPlanFromTemplates, type TemplateCondition } from '../domain/templates';
import { establish, revise, versionSummaries } from '../domain/versions';
import type { CaseRecord } from '../store/case-store';
import { caseForStaff, requireCareTeam, requirePrimary } from './access';
import { now } from './clock';
import * as published from './events';
import { draftView, planView } from './views';

const planLocation = (caseId: string) => `/v1/cases/${caseId}/care-plan`;

/** The current plan in the representation asked for, with the version its ETag names. */
export type CarePlanRepresentation =
  | { format: 'json'; plan: ReturnType<typeof planView> | ReturnType<typeof draftView>; version: number }
  | { format: 'fhir'; fhir: ReturnType<typeof toFhirCarePlan>; version: number }
  | { format: 'patient-copy'; html: string; version: number };

/**
 * Establishes (If-Match 0, no plan yet) or revises the plan. Establishing activates the case and
 * publishes `CarePlanEstablished`; a revision publishes `CarePlanRevised` with its substantial flag.
 * Both carry the interventions' kinds, owners and cadences so outreach can schedule them.
 */
export async function putCarePlan(
  ctx: CarePlanning,
  principal: TenantPrincipal,
  caseId: string,
  body: CarePlan,
  ifMatch: IfMatch | undefined,
): Promise<{ plan: ReturnType<typeof planView>; version: number; commit?: Commit }> {
  const { tenantId } = principal;
  const record = await caseForStaff(ctx, principal, caseId);
  const current = await ctx.plans.versioned(tenantId, caseId);
  // `*` revises whatever version is current; with no plan yet it matches nothing (RFC 9110).
  const expected = ifMatch === 'any' ? (current?.version ?? -1) : (ifMatch ?? -1);
  const at = now(ctx);

  if (!current) {
    if (expected !== 0) throw new PreconditionFailedError('No plan is established yet; send If-Match "0"');
    requireCareTeam(record, principal);
    const result = establish(body, {
      planId: ctx.runtime.newId(),
      case: record.case,
      staffId: principal.subject,
      now: at,
    });
    const plan = result.plan;
    const activated = record.case.state === 'open' ? activateCase(record.case, at).case : record.case;
    const nextCase: CaseRecord = {
      ...record,
      case: activated,
      status: activated.state,
      planVersion: 1,
      version: record.version + 1,
    };
    const c = record.case;
    return {
      plan: planView({ ...plan, changedAt: at.toString(), changedBy: principal.subject }),
      version: 1,
      commit: {
        writes: [
          ...ctx.plans.saveVersion(tenantId, plan, 0),
          ctx.plans.deleteDraft(tenantId, caseId),
          ctx.cases.save(tenantId, nextCase),
        ],
        events: [
          published.carePlanEstablished(
            {
              carePlanId: plan.planId,
              caseId,
              patientId: c.patientId,
              practiceId: c.practiceId,
              program: c.program,
              version: 1,
              establishedAt: at.toString(),
              reviewDate: plan.plan.reviewDate!,
              interventions: plannedInterventions(plan.plan),
              problemCodes: problemCodes(plan.plan),
            },
            1,
          ),
        ],
      },
    };
  }

  const actor = requireCareTeam(record, principal);
  const result = revise(current, body, actor, expected, at);
  const plan = result.plan;
  const last = plan.versions[plan.versions.length - 1]!;
  const view = planView({ ...plan, changedAt: last.changedAt, changedBy: last.changedBy });
  const [revised] = result.events;
  if (!revised) return { plan: view, version: plan.version };
  const c = record.case;
  return {
    plan: view,
    version: plan.version,
    commit: {
      writes: [
        ...ctx.plans.saveVersion(tenantId, plan, current.version),
        ctx.cases.save(tenantId, { ...record, planVersion: plan.version, version: record.version + 1 }),
      ],
      events: [
        published.carePlanRevised(
          {
            carePlanId: plan.planId,
            caseId,
            patientId: c.patientId,
            practiceId: c.practiceId,
            program: c.program,
            version: plan.version,
            revisedAt: last.changedAt,
            substantial: revised.substantial,
            reviewDate: plan.plan.reviewDate!,
            interventions: plannedInterventions(plan.plan),
            problemCodes: problemCodes(plan.plan),
            changedSections: revised.changedSections,
          },
          plan.version,
        ),
      ],
    },
  };
}

/** The current plan (or draft) as JSON, a FHIR R4 CarePlan, or a printable patient copy. */
export async function getCarePlan(
  ctx: CarePlanning,
  principal: TenantPrincipal,
  caseId: string,
  format: 'json' | 'fhir' | 'patient-copy',
): Promise<CarePlanRepresentation> {
  const { tenantId } = principal;
  const record = await caseForStaff(ctx, principal, caseId);
  if (format === 'json') {
    const head = await ctx.plans.head(tenantId, caseId);
    if (head) return { format, plan: planView(head), version: head.version };
    const draft = await ctx.plans.draft(tenantId, caseId);
    if (draft) return { format, plan: draftView(caseId, draft), version: 0 };
    throw new NotFoundError('Care plan');
  }
  const plan = await ctx.plans.versioned(tenantId, caseId);
  if (!plan) throw new NotFoundError('Care plan');
  if (format === 'fhir') return { format, fhir: toFhirCarePlan(plan, record.case), version: plan.version };
  const practice = await ctx.practices.practiceOf(tenantId, record.case.practiceId);
  const html = toPatientCopyHtml(plan, {
    practiceName: practice?.name ?? 'Your care team',
    timeZone: record.case.timeZone,
    ...(practice ? { contactPhone: practice.callbackNumber } : {}),
  });
  return { format, html, version: plan.version };
}

export async function listCarePlanVersions(ctx: CarePlanning, principal: TenantPrincipal, caseId: string) {
  await caseForStaff(ctx, principal, caseId);
  const plan = await ctx.plans.versioned(principal.tenantId, caseId);
  if (!plan) throw new NotFoundError('Care plan');
  return {
    items: versionSummaries(plan).map((summary) => ({ ...summary, changes: [...summary.changes] })),
    version: plan.version,
  };
}

export async function getCarePlanVersion(
  ctx: CarePlanning,
  principal: TenantPrincipal,
  caseId: string,
  version: number,
) {
  await caseForStaff(ctx, principal, caseId);
  const entry = await ctx.plans.version(principal.tenantId, caseId, version);
  if (!entry) throw new NotFoundError('Care plan version');
  return { ...entry, changes: [...entry.changes] };
}

/** Starts (or restarts) a draft from condition templates; only before the plan is established. */
export async function startDraftFromTemplates(
  ctx: CarePlanning,
  principal: TenantPrincipal,
  caseId: string,
  conditions: readonly TemplateCondition[],
) {
  const { tenantId } = principal;
  const record = await caseForStaff(ctx, principal, caseId);
  requirePrimary(record, principal);
  if (await ctx.plans.head(tenantId, caseId))
    throw new ConflictError('The care plan is already established; revise it instead', planLocation(caseId));
  let n = 0;
  const at = now(ctx);
  const plan = startPlanFromTemplates(conditions, {
    start: localDateOf(at, record.case.timeZone),
    newId: () => `t${++n}`,
  });
  const draft = { plan, updatedAt: at.toString(), updatedBy: principal.subject };
  return {
    draft: draftView(caseId, draft),
    location: planLocation(caseId),
    commit: { writes: [ctx.plans.saveDraft(tenantId, caseId, draft)], events: [] },
  };
}
