/**
 * Base class of every outreach domain error. `code` is stable so that handlers can map errors to
 * responses without parsing messages; messages never carry patient data.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;

  /** Set explicitly by each subclass: bundlers may minify class names. */
  abstract override readonly name: string;
}

/** One rejected field: where it is and why, never the value that was given. */
export interface InputIssue {
  readonly path: string;
  readonly reason: string;
}

/** Input failed validation. Issues name the fields and rules, never the rejected values. */
export class InvalidInputError extends DomainError {
  override readonly name = 'InvalidInputError';
  readonly code = 'INVALID_INPUT';

  constructor(
    readonly subject: string,
    readonly issues: readonly InputIssue[],
  ) {
    super(`Invalid ${subject}: ${issues.map((issue) => issue.path || '(root)').join(', ')}`);
  }
}

/** A time entry would end after the current instant: time can only be logged once it has been spent. */
export class FutureTimeEntryError extends DomainError {
  override readonly name = 'FutureTimeEntryError';
  readonly code = 'TIME_ENTRY_IN_FUTURE';

  constructor() {
    super('A time entry may not end after the current time');
  }
}

/** A time entry overlaps another non-voided entry of the same staff member. */
export class TimeEntryOverlapError extends DomainError {
  override readonly name = 'TimeEntryOverlapError';
  readonly code = 'TIME_ENTRY_OVERLAP';

  constructor(readonly conflictingEntryId: string) {
    super(`The time entry overlaps entry ${conflictingEntryId} of the same staff member`);
  }
}

/** A voided time entry cannot be voided again: the first void is the audited correction. */
export class TimeEntryAlreadyVoidedError extends DomainError {
  override readonly name = 'TimeEntryAlreadyVoidedError';
  readonly code = 'TIME_ENTRY_ALREADY_VOIDED';

  constructor(readonly entryId: string) {
    super(`Time entry ${entryId} is already voided`);
  }
}

/** A community referral was asked to move to a status its current status cannot reach. */
export class IllegalReferralTransitionError extends DomainError {
  override readonly name = 'IllegalReferralTransitionError';
  readonly code = 'ILLEGAL_REFERRAL_TRANSITION';

  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`A referral cannot move from ${from} to ${to}`);
  }
}
