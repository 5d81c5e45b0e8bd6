import type { Instant } from '@carelink/calendar';
import { type Assessment, assessmentStatus, missingSections } from '../domain/assessment';
import type { CarePlan } from '../domain/care-plan';
import { missingElements } from '../domain/care-plan';
import type { ReviewTaskRecord } from '../domain/case-tasks';
import { type CaseRecord, primaryOf } from '../store/case-store';
import type { PlanDraft, PlanHead } from '../store/plan-store';

/** A case as listed. */
export const caseSummary = (record: CaseRecord) => {
  const c = record.case;
  const primary = primaryOf(record);
  return {
    caseId: c.caseId,
    patientId: c.patientId,
    referralId: c.referralId,
    practiceId: c.practiceId,
    program: c.program,
    status: record.status,
    ...(primary ? { primaryStaffId: primary, openedAt: c.openedAt } : {}),
    ...(record.unassignedReason ? { unassignedReason: record.unassignedReason } : {}),
    identifiedAt: c.identifiedAt,
    planVersion: record.planVersion,
  };
};

/** A case with its team, assessment timeliness, screenings and review tasks. */
export const caseDetail = (
  record: CaseRecord,
  assessment: Assessment | undefined,
  tasks: readonly ReviewTaskRecord[],
  at: Instant,
) => {
  const c = record.case;
  const timeliness = assessmentStatus(c, assessment, at);
  return {
    ...caseSummary(record),
    timeZone: c.timeZone,
    ...(record.dischargeDate ? { dischargeDate: record.dischargeDate } : {}),
    ...(c.closeReason ? { closeReason: c.closeReason, closedAt: c.closedAt } : {}),
    careTeam: c.careTeam,
    assessment: {
      ...timeliness,
      ...(assessment ? { begunAt: assessment.begunAt } : {}),
      ...(assessment?.completedAt ? { completedAt: assessment.completedAt } : {}),
      missingSections: assessment ? missingSections(assessment) : [],
    },
    screenings: record.screenings,
    reviewTasks: tasks.map(reviewTaskView),
  };
};

/** A review task as the API returns it. */
export const reviewTaskView = ({ tenantId: _t, caseId: _c, ...task }: ReviewTaskRecord) => task;

/** An assessment as the API returns it. */
export const assessmentView = (assessment: Assessment) => ({
  ...assessment,
  missingSections: missingSections(assessment),
});

/** An established plan's current version. */
export const planView = (head: PlanHead) => ({
  caseId: head.caseId,
  carePlanId: head.planId,
  state: 'established' as const,
  version: head.version,
  changedAt: head.changedAt,
  changedBy: head.changedBy,
  plan: head.plan,
  missingElements: missingElements(head.plan),
});

/** A draft: version 0 until it is established. */
export const draftView = (
  caseId: string,
  draft: PlanDraft | { plan: CarePlan; updatedAt: string; updatedBy: string },
) => ({
  caseId,
  state: 'draft' as const,
  version: 0,
  changedAt: draft.updatedAt,
  changedBy: draft.updatedBy,
  plan: draft.plan,
  missingElements: missingElements(draft.plan),
});
