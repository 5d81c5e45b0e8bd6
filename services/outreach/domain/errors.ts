import { DomainError } from '@carelink/contracts';

/** A time entry would end after the current instant: time can only be logged once it has been spent. */
export class FutureTimeEntryError extends DomainError {
  override readonly name = 'FutureTimeEntryError';
  readonly code = 'TIME_ENTRY_IN_FUTURE';
  readonly problemType = 'validation-failed';

  constructor() {
    super('A time entry may not end after the current time', {
      fields: [{ path: 'startedAt', code: 'in_future' }],
    });
  }
}

/** A time entry overlaps another non-voided entry of the same staff member. */
export class TimeEntryOverlapError extends DomainError {
  override readonly name = 'TimeEntryOverlapError';
  readonly code = 'TIME_ENTRY_OVERLAP';
  readonly problemType = 'conflict';

  constructor(readonly conflictingEntryId: string) {
    super(`The time entry overlaps time entry ${conflictingEntryId} of the same practitioner`);
  }
}

/** A voided time entry cannot be voided again: the first void is the audited correction. */
export class TimeEntryAlreadyVoidedError extends DomainError {
  override readonly name = 'TimeEntryAlreadyVoidedError';
  readonly code = 'TIME_ENTRY_ALREADY_VOIDED';
  readonly problemType = 'conflict';

  constructor(readonly entryId: string) {
    super(`Time entry ${entryId} is already voided`);
  }
}

/** A community referral was asked to move to a status its current status cannot reach. */
export class IllegalReferralTransitionError extends DomainError {
  override readonly name = 'IllegalReferralTransitionError';
  readonly code = 'ILLEGAL_REFERRAL_TRANSITION';
  readonly problemType = 'conflict';

  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`A community referral cannot move from ${from} to ${to}`);
  }
}

export { InvalidInputError } from '@carelink/contracts';

/** A risk flag or escalation was asked to take a step its status does not allow (e.g. resolving a resolved one). */
export class AlertTransitionError extends DomainError {
  override readonly name = 'AlertTransitionError';
  readonly code = 'ALERT_TRANSITION_NOT_ALLOWED';
  readonly problemType = 'conflict';

  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`The item is ${from} and cannot become ${to}`);
  }
}

/** An outreach task was asked to finish after it was already done or cancelled. */
export class TaskClosedError extends DomainError {
  override readonly name = 'TaskClosedError';
  readonly code = 'TASK_ALREADY_CLOSED';
  readonly problemType = 'conflict';

  constructor(readonly status: string) {
    super(`The task is already ${status}`);
  }
}

/** Time was logged as spent after the patient's case closed: care management ended then. */
export class TimeAfterCaseClosedError extends DomainError {
  override readonly name = 'TimeAfterCaseClosedError';
  readonly code = 'TIME_AFTER_CASE_CLOSED';
  readonly problemType = 'validation-failed';

  constructor() {
    super('The case is closed: time spent after it closed cannot be logged', {
      fields: [{ path: 'startedAt', code: 'after_case_closed' }],
    });
  }
}

/** A community referral was rejected or cancelled without a reason code. */
export class ReferralReasonRequiredError extends DomainError {
  override readonly name = 'ReferralReasonRequiredError';
  readonly code = 'REASON_REQUIRED';
  readonly problemType = 'validation-failed';

  constructor(readonly to: string) {
    super(`A reason is required to move a community referral to ${to}`, {
      fields: [{ path: 'reason', code: 'required' }],
    });
  }
}
