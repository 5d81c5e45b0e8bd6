import type { Instant } from '@carelink/calendar';
import { InterventionKind } from '@carelink/contracts';

/** Kinds of care-plan intervention that turn into outreach tasks. */
export const INTERVENTION_KINDS = InterventionKind.options;
export type { InterventionKind };

/** What an outreach task asks staff to do. */
export type OutreachTaskKind = 'monthly-contact' | 'tcm-interactive-contact' | InterventionKind;

/** Lifecycle of a task; only open tasks are worked or cancelled by a schedule change. */
export type OutreachTaskStatus = 'open' | 'done' | 'cancelled';

/** A unit of outreach work for one case and one period. */
export interface OutreachTask {
  /** Deterministic, see `outreachTaskId`. */
  readonly id: string;
  readonly caseId: string;
  readonly kind: OutreachTaskKind;
  /** `monthly-contact`, `tcm-interactive-contact` or `intervention/<intervention id>`. */
  readonly source: string;
  /** `YYYY-MM` for monthly tasks, `YYYY-MM-DD` for one-off tasks, in the patient's time zone. */
  readonly period: string;
  readonly recurrence: 'once' | 'monthly';
  /** From when the task shows on the worklist. */
  readonly openFrom: Instant;
  /** The task is overdue from this instant on. */
  readonly dueAt: Instant;
  readonly assigneeId: string;
  readonly status: OutreachTaskStatus;
}

/** The source key of an intervention's tasks; prefixed so an intervention id can never collide with the built-in sources. */
export function interventionSource(interventionId: string): string {
  return `intervention/${encodeURIComponent(interventionId)}`;
}

/**
 * The id of the task for `source` in `period` of a case. Deriving it from these three facts alone
 * means recomputing a schedule yields the same ids, so a store can create tasks idempotently.
 */
export function outreachTaskId(caseId: string, source: string, period: string): string {
  return `task#${encodeURIComponent(caseId)}#${source}#${period}`;
}
