import type { ReferralStatus, TaskStatus } from '@carelink/contracts';
import { IllegalTransitionError } from './errors';

export interface BusinessStatus {
  code: string;
  text: string;
  /** Machine reason codes behind the status (e.g. what information is missing). */
  reasonCodes?: string[];
}

/** One step of a referral's lifecycle, as kept in its history. */
export interface Transition {
  from: ReferralStatus | null;
  to: ReferralStatus;
  at: string;
  businessStatus: BusinessStatus;
}

/** The lifecycle part of a referral. */
export interface LifecycleState {
  status: ReferralStatus;
  taskStatus: TaskStatus;
  businessStatus: BusinessStatus;
  version: number;
  updatedAt: string;
  history: Transition[];
}

/**
 * Allowed moves. `received → screening → eligible | ineligible → enrolled → closed`; a newer
 * determination may move between screening, eligible and ineligible; a case closed before its
 * opening was seen closes an eligible referral; any non-terminal referral may be cancelled.
 * `screening → screening` is a business-status change (e.g. more information needed), and so is
 * `cancelled → cancelled` (what became of the case after the partner cancelled).
 */
const allowed: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  received: ['screening', 'cancelled'],
  screening: ['screening', 'eligible', 'ineligible', 'cancelled'],
  eligible: ['screening', 'ineligible', 'enrolled', 'closed', 'cancelled'],
  ineligible: ['screening', 'eligible', 'cancelled'],
  enrolled: ['closed', 'cancelled'],
  closed: [],
  cancelled: ['cancelled'],
};

export const terminalStatuses: ReadonlySet<ReferralStatus> = new Set(['closed', 'cancelled']);

/** FHIR Task.status per referral status. */
export const taskStatusOf: Readonly<Record<ReferralStatus, TaskStatus>> = {
  received: 'requested',
  screening: 'requested',
  eligible: 'accepted',
  ineligible: 'rejected',
  enrolled: 'in-progress',
  closed: 'completed',
  cancelled: 'cancelled',
};

/** The default business status of each referral status. */
export const defaultBusinessStatus: Readonly<Record<ReferralStatus, BusinessStatus>> = {
  received: { code: 'RECEIVED', text: 'Referral received' },
  screening: { code: 'SCREENING', text: 'Eligibility screening in progress' },
  eligible: { code: 'ELIGIBLE', text: 'Eligible' },
  ineligible: { code: 'INELIGIBLE', text: 'Not eligible' },
  enrolled: { code: 'ENROLLED', text: 'Enrolled in a care program' },
  closed: { code: 'CLOSED', text: 'Care completed' },
  cancelled: { code: 'CANCELLED', text: 'Referral cancelled' },
};

export function canTransition(from: ReferralStatus, to: ReferralStatus): boolean {
  return allowed[from].includes(to);
}

/** The state of a new referral: received, version 1, its first history entry. */
export function initialLifecycle(at: string): LifecycleState {
  const businessStatus = defaultBusinessStatus.received;
  return {
    status: 'received',
    taskStatus: taskStatusOf.received,
    businessStatus,
    version: 1,
    updatedAt: at,
    history: [{ from: null, to: 'received', at, businessStatus }],
  };
}

/**
 * Moves a referral to `to` at `at`, bumping its version and appending the step to its history.
 * Throws `IllegalTransitionError` for a move the lifecycle does not allow.
 */
export function transition<S extends LifecycleState>(
  state: S,
  to: ReferralStatus,
  at: string,
  businessStatus: BusinessStatus = defaultBusinessStatus[to],
): S {
  if (!canTransition(state.status, to)) throw new IllegalTransitionError(state.status, to);
  return {
    ...state,
    status: to,
    taskStatus: taskStatusOf[to],
    businessStatus,
    version: state.version + 1,
    updatedAt: at,
    history: [...state.history, { from: state.status, to, at, businessStatus }],
  };
}
