import { compareInstants, type Instant, monthOf } from '@carelink/calendar';
import type { Escalation } from './contacts';
import type { OutreachTask } from './outreach-task';
import type { RiskFlag } from './risk-flags';
import { minutesInMonth, type TimeEntry } from './time-entries';

/** CCM clinical-staff minutes at which a further code becomes billable in a month (99490, then 99439 twice). */
export const CCM_MINUTE_THRESHOLDS: readonly number[] = [20, 40, 60];

/** An unacknowledged risk flag of a case, routed to a staff member. */
export interface CaseRiskFlag {
  readonly id: string;
  readonly caseId: string;
  readonly assigneeId: string;
  readonly flag: RiskFlag;
}

/**
 * How soon an item needs attention. High-severity flags and escalations are already waiting for
 * action, so they rank with overdue work; only urgent flags rank above it.
 */
export type WorklistUrgency = 'urgent' | 'overdue' | 'due';

interface ItemBase {
  readonly urgency: WorklistUrgency;
  readonly caseId: string;
  /** When the item became or becomes due; items of equal urgency are worked oldest first. */
  readonly dueAt: Instant;
}

/** Work the care plan's owner was given: a review, a cancelled referral to decide on, an overdue assessment. */
export interface ReviewTask {
  readonly taskKey: string;
  readonly type: 'care-plan-review' | 'referral-cancelled' | 'assessment-overdue';
  readonly caseId: string;
  readonly assigneeId: string;
  readonly priority: 'routine' | 'high' | 'urgent';
  readonly dueBy: Instant;
}

/** One line of a staff member's worklist. */
export type WorklistItem =
  | (ItemBase & { readonly kind: 'risk-flag'; readonly riskFlag: CaseRiskFlag })
  | (ItemBase & { readonly kind: 'escalation'; readonly escalation: Escalation })
  | (ItemBase & { readonly kind: 'task'; readonly task: OutreachTask })
  | (ItemBase & { readonly kind: 'review-task'; readonly reviewTask: ReviewTask });

/** CCM clinical-staff time of one case this month and what is missing to the next billable threshold. */
export interface CcmMinutesSummary {
  readonly caseId: string;
  readonly minutes: number;
  /** `undefined` once the last threshold is reached. */
  readonly nextThreshold: number | undefined;
  readonly minutesToNextThreshold: number;
}

/** A staff member's worklist. */
export interface Worklist {
  readonly staffId: string;
  /** `YYYY-MM` in the practice time zone. */
  readonly month: string;
  readonly items: readonly WorklistItem[];
  readonly ccmMinutes: readonly CcmMinutesSummary[];
}

/** Everything the worklist is built from; escalations and risk flags are the open ones. */
export interface WorklistInput {
  readonly staffId: string;
  readonly now: Instant;
  readonly practiceTimeZone: string;
  /** Cases the staff member follows, for the minutes summary. */
  readonly caseload: readonly string[];
  readonly tasks: readonly OutreachTask[];
  readonly escalations: readonly Escalation[];
  readonly riskFlags: readonly CaseRiskFlag[];
  readonly reviewTasks?: readonly ReviewTask[];
  readonly timeEntries: readonly TimeEntry[];
}

const RANK: Readonly<Record<WorklistUrgency, number>> = { urgent: 0, overdue: 1, due: 2 };

function compareItems(a: WorklistItem, b: WorklistItem): number {
  return (
    RANK[a.urgency] - RANK[b.urgency] ||
    compareInstants(a.dueAt, b.dueAt) ||
    a.kind.localeCompare(b.kind) ||
    itemId(a).localeCompare(itemId(b))
  );
}

function itemId(item: WorklistItem): string {
  switch (item.kind) {
    case 'risk-flag':
      return item.riskFlag.id;
    case 'escalation':
      return item.escalation.id;
    case 'task':
      return item.task.id;
    case 'review-task':
      return item.reviewTask.taskKey;
  }
}

/** Summarises a case's CCM clinical-staff minutes against the 20/40/60 thresholds. */
export function summariseCcmMinutes(caseId: string, minutes: number): CcmMinutesSummary {
  const nextThreshold = CCM_MINUTE_THRESHOLDS.find((threshold) => threshold > minutes);
  return {
    caseId,
    minutes,
    nextThreshold,
    minutesToNextThreshold: nextThreshold === undefined ? 0 : nextThreshold - minutes,
  };
}

/**
 * Builds a staff member's worklist: urgent risk flags and urgent review tasks first, then overdue
 * work, then work that is due, each oldest first; tasks not yet open are left out. Minutes are counted in the practice's
 * time zone because that is the calendar the claim is billed in.
 */
export function buildWorklist(input: WorklistInput): Worklist {
  const { staffId, now } = input;
  const items: WorklistItem[] = [];
  for (const riskFlag of input.riskFlags) {
    if (riskFlag.assigneeId !== staffId) continue;
    const urgency = riskFlag.flag.severity === 'urgent' ? 'urgent' : 'overdue';
    items.push({
      kind: 'risk-flag',
      urgency,
      caseId: riskFlag.caseId,
      dueAt: riskFlag.flag.observedAt,
      riskFlag,
    });
  }
  for (const escalation of input.escalations) {
    if (escalation.assigneeId !== staffId) continue;
    items.push({
      kind: 'escalation',
      urgency: 'overdue',
      caseId: escalation.caseId,
      dueAt: escalation.raisedAt,
      escalation,
    });
  }
  for (const task of input.tasks) {
    if (task.assigneeId !== staffId || task.status !== 'open') continue;
    if (compareInstants(task.openFrom, now) > 0) continue;
    const urgency = compareInstants(task.dueAt, now) <= 0 ? 'overdue' : 'due';
    items.push({ kind: 'task', urgency, caseId: task.caseId, dueAt: task.dueAt, task });
  }
  for (const reviewTask of input.reviewTasks ?? []) {
    if (reviewTask.assigneeId !== staffId) continue;
    const late = compareInstants(reviewTask.dueBy, now) <= 0;
    const urgency = reviewTask.priority === 'urgent' ? 'urgent' : late ? 'overdue' : 'due';
    items.push({
      kind: 'review-task',
      urgency,
      caseId: reviewTask.caseId,
      dueAt: reviewTask.dueBy,
      reviewTask,
    });
  }
  items.sort(compareItems);

  const month = monthOf(now, input.practiceTimeZone);
  const ccmMinutes = [...new Set(input.caseload)].map((caseId) =>
    summariseCcmMinutes(
      caseId,
      minutesInMonth(input.timeEntries, month, input.practiceTimeZone, {
        caseId,
        program: 'ccm',
        performer: 'clinical-staff',
      }),
    ),
  );
  return { staffId, month, items, ccmMinutes };
}
