import { addMilliseconds, HOUR_MS, parseInstant } from '@carelink/calendar';
import type { CaseTaskType } from '@carelink/contracts';
import * as z from 'zod/mini';
import { activePrimary } from './care-team';
import type { Case } from './case';
import { InstantSchema, parseOrThrow } from './primitives';

/** How serious a flagged risk is. */
export const RiskSeveritySchema = z.enum(['low', 'moderate', 'high', 'critical']);
/** How serious a flagged risk is. */
export type RiskSeverity = z.infer<typeof RiskSeveritySchema>;

/** The part of a `RiskFlagged` event the review needs; `kind` is a code such as `ed-visit`. */
export const RiskFlagSchema = z.object({
  kind: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,63}$/)),
  severity: RiskSeveritySchema,
  observedAt: InstantSchema,
});
/** The part of a `RiskFlagged` event the review needs. */
export type RiskFlag = z.infer<typeof RiskFlagSchema>;

/** Priority of a review task in the worklist. */
export type ReviewPriority = 'routine' | 'high' | 'urgent';

/**
 * A task for the case's primary: review the care plan after a flagged risk, decide on a referral
 * the partner cancelled, or catch up on an overdue assessment.
 */
export interface CarePlanReviewTask {
  type: CaseTaskType;
  /** Same flag, same key: lets the handler drop redelivered events. */
  taskKey: string;
  tenantId: string;
  caseId: string;
  assigneeStaffId: string;
  priority: ReviewPriority;
  flagKind: string;
  severity: RiskSeverity;
  observedAt: string;
  dueBy: string;
}

/** A review task, or why none is needed. */
export type UrgentReviewResult = { task: CarePlanReviewTask } | { none: 'case-closed' };

/** Hours from observation to the review deadline, and the worklist priority, by severity. */
const POLICY: Readonly<Record<RiskSeverity, { hours: number; priority: ReviewPriority }>> = {
  critical: { hours: 4, priority: 'urgent' },
  high: { hours: 24, priority: 'urgent' },
  moderate: { hours: 72, priority: 'high' },
  low: { hours: 168, priority: 'routine' },
};

/**
 * Turns a flagged risk into a care plan review for the primary case manager, who owns the plan.
 * The deadline counts from when the risk was observed, not when the event arrived, so a late
 * delivery does not buy extra time. Closed cases need no review.
 */
export const urgentReviewFor = (current: Case, flag: RiskFlag): UrgentReviewResult => {
  if (current.state === 'closed') return { none: 'case-closed' };
  const valid = parseOrThrow(RiskFlagSchema, flag, 'risk flag');
  const policy = POLICY[valid.severity];
  const observed = parseInstant(valid.observedAt);
  return {
    task: {
      type: 'care-plan-review',
      taskKey: `care-plan-review#${current.caseId}#${valid.kind}#${observed.toString()}`,
      tenantId: current.tenantId,
      caseId: current.caseId,
      assigneeStaffId: activePrimary(current),
      priority: policy.priority,
      flagKind: valid.kind,
      severity: valid.severity,
      observedAt: observed.toString(),
      dueBy: addMilliseconds(observed, policy.hours * HOUR_MS),
    },
  };
};
