import { parseInstant } from '@carelink/calendar';
import type { EligibilityDeterminedV1, EventDetail } from '@carelink/contracts';
import type { Commit, StateWrite } from '@carelink/lambda-kit';
import type { CarePlanning } from '../compose';
import { choosePrimary } from '../domain/assignment';
import { type Case, openCase } from '../domain/case';
import { programToOpen } from '../domain/case-opening';
import { localDateOf, milestoneDeadlines } from '../domain/deadlines';
import type { CaseRecord } from '../store/case-store';
import { asStaffMember } from '../store/roster-store';
import { now } from './clock';
import * as published from './events';

/**
 * Assigns the first primary of a case that has none: the domain opens the case, the care manager
 * takes it on (checked against capacity in the same transaction), the assessment deadlines start
 * being watched and `CaseOpened` is published.
 */
export function assignFirstPrimary(
  ctx: CarePlanning,
  tenantId: string,
  pending: CaseRecord,
  staffId: string,
  options: { isNew: boolean },
): { record: CaseRecord; commit: Commit } {
  const c = pending.case;
  const opened = openCase(
    {
      caseId: c.caseId,
      tenantId: c.tenantId,
      practiceId: c.practiceId,
      patientId: c.patientId,
      referralId: c.referralId,
      program: c.program,
      identifiedAt: c.identifiedAt,
      timeZone: c.timeZone,
      primaryStaffId: staffId,
    },
    now(ctx),
  ).case;
  const { unassignedReason: _reason, ...rest } = pending;
  const record: CaseRecord = {
    ...rest,
    case: opened,
    status: 'open',
    version: options.isNew ? 1 : pending.version + 1,
  };
  const writes: StateWrite[] = [
    ...(options.isNew ? ctx.cases.create(tenantId, record) : [ctx.cases.save(tenantId, record)]),
    ctx.roster.takeCase(tenantId, c.practiceId, staffId),
    ...ctx.cases.addDeadlines(tenantId, opened, milestoneDeadlines(opened.identifiedAt)),
  ];
  const event = published.caseOpened(
    {
      caseId: c.caseId,
      patientId: c.patientId,
      referralId: c.referralId,
      practiceId: c.practiceId,
      program: c.program,
      primaryStaffId: staffId,
      identifiedAt: pending.identifiedInstant,
      timeZone: c.timeZone,
      ...(pending.dischargeDate ? { dischargeDate: pending.dischargeDate } : {}),
    },
    record.version,
  );
  return { record, commit: { writes, events: [event] } };
}

/**
 * Opens one case per referral for the most preferred eligible program. A referral that already has
 * a case is left alone, whatever a later determination says; no eligible program opens nothing.
 * When no care manager can take the case it waits, unassigned, in the practice's worklist.
 */
export async function openCaseForDetermination(
  ctx: CarePlanning,
  detail: EventDetail<typeof EligibilityDeterminedV1>,
): Promise<Commit | undefined> {
  const { tenantId, occurredAt } = detail.metadata;
  const data = detail.data;
  if (!(await ctx.practices.practiceOf(tenantId, data.practiceId))) {
    ctx.runtime.logger.warn('determination for a practice outside the tenant ignored', {
      referralId: data.referralId,
    });
    return undefined;
  }
  const program = programToOpen(data.programs);
  if (!program) return undefined;
  const claim = await ctx.cases.referralClaim(tenantId, data.referralId);
  if (claim) {
    ctx.runtime.logger.info(claim.cancelled ? 'referral was cancelled' : 'referral already has a case', {
      referralId: data.referralId,
    });
    return undefined;
  }

  const identified = parseInstant(occurredAt);
  const pendingCase: Case = {
    caseId: ctx.runtime.newId(),
    tenantId,
    practiceId: data.practiceId,
    patientId: data.patientId,
    referralId: data.referralId,
    program,
    identifiedAt: localDateOf(identified, data.timeZone),
    timeZone: data.timeZone,
    state: 'open',
    openedAt: now(ctx).toString(),
    careTeam: [],
  };
  // A CCM case opened after a discharge keeps the TCM deadlines too: both may be billed in one month.
  const tcm = data.programs.find((p) => p.program === 'tcm');
  const dischargeDate = program === 'tcm' || tcm?.status === 'eligible' ? tcm?.tcm?.dischargeDate : undefined;
  const pending: CaseRecord = {
    case: pendingCase,
    status: 'unassigned',
    version: 1,
    identifiedInstant: identified.toString(),
    ...(dischargeDate ? { dischargeDate } : {}),
    ...(data.preferredLanguage ? { language: data.preferredLanguage } : {}),
    skills: data.conditionCategories,
    planVersion: 0,
    screenings: {},
  };

  const staff = (await ctx.roster.list(tenantId, data.practiceId)).map(asStaffMember);
  const choice = choosePrimary(staff, {
    program,
    skills: data.conditionCategories,
    practiceId: data.practiceId,
    ...(data.preferredLanguage ? { language: data.preferredLanguage } : {}),
  });
  if ('none' in choice) {
    ctx.runtime.logger.info('case waits unassigned in the worklist', {
      caseId: pendingCase.caseId,
      reason: choice.none,
    });
    return { writes: ctx.cases.create(tenantId, { ...pending, unassignedReason: choice.none }), events: [] };
  }
  ctx.runtime.logger.info('primary chosen', {
    caseId: pendingCase.caseId,
    staffId: choice.staffId,
    reasons: choice.explanation.map((r) => r.code),
  });
  return assignFirstPrimary(ctx, tenantId, pending, choice.staffId, { isNew: true }).commit;
}
