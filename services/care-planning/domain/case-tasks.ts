import { addMilliseconds, HOUR_MS, type Instant } from '@carelink/calendar';
import type { ReviewTaskOutcome } from '@carelink/contracts';
import { activePrimary } from './care-team';
import type { Case } from './case';
import { TaskAlreadyDoneError } from './errors';
import type { CarePlanReviewTask } from './risk-review';

/** How a person finished a review task. */
export interface TaskCompletion {
  readonly by: string;
  readonly at: string;
  readonly outcome: ReviewTaskOutcome;
  readonly note?: string;
}

/** A review task with where it stands. */
export type ReviewTaskRecord = CarePlanReviewTask & {
  readonly status: 'open' | 'done';
  readonly completed?: TaskCompletion;
};

/** Hours the primary has to decide on a cancelled referral of a consented patient. */
const CANCELLED_REFERRAL_DECISION_HOURS = 24;

/**
 * The partner cancelled the referral of a patient who consented to care: the primary decides
 * whether care continues or the case closes (a consented patient's care does not end on a plan's say-so).
 */
export function referralCancelledTask(current: Case, at: Instant): CarePlanReviewTask {
  return {
    type: 'referral-cancelled',
    taskKey: `referral-cancelled#${current.caseId}`,
    tenantId: current.tenantId,
    caseId: current.caseId,
    assigneeStaffId: activePrimary(current),
    priority: 'urgent',
    flagKind: 'referral-cancelled',
    severity: 'high',
    observedAt: at.toString(),
    dueBy: addMilliseconds(at, CANCELLED_REFERRAL_DECISION_HOURS * HOUR_MS),
  };
}

/** The assessment missed a deadline: catching up is work on the primary's list until it is done. */
export function assessmentOverdueTask(
  current: Case,
  primaryStaffId: string,
  milestone: 'begin' | 'complete',
  dueAt: Instant,
): CarePlanReviewTask {
  return {
    type: 'assessment-overdue',
    taskKey: `assessment-overdue#${current.caseId}#${milestone}`,
    tenantId: current.tenantId,
    caseId: current.caseId,
    assigneeStaffId: primaryStaffId,
    priority: 'high',
    flagKind: `assessment-${milestone}`,
    severity: 'moderate',
    observedAt: dueAt.toString(),
    dueBy: dueAt.toString(),
  };
}

/** Completes an open task; a task done once stays done. */
export function completeReviewTask(task: ReviewTaskRecord, completion: TaskCompletion): ReviewTaskRecord {
  if (task.status === 'done') throw new TaskAlreadyDoneError(task.taskKey);
  return { ...task, status: 'done', completed: completion };
}

/** Which overdue-assessment tasks an assessment change settles: beginning settles `begin`, completing both. */
export function settledMilestones(assessment: {
  completedAt?: string | undefined;
}): ('begin' | 'complete')[] {
  return assessment.completedAt ? ['begin', 'complete'] : ['begin'];
}
