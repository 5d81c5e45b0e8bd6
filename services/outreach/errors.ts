import { ConflictError, ValidationError } from '@carelink/lambda-kit';
import {
  FutureTimeEntryError,
  IllegalReferralTransitionError,
  InvalidInputError,
  TimeEntryAlreadyVoidedError,
  TimeEntryOverlapError,
} from './domain';

/**
 * The one place outreach's domain errors become problem types. Details name ids and rules only,
 * never submitted values.
 */
export function mapError(error: unknown): Error | undefined {
  if (error instanceof InvalidInputError)
    return new ValidationError(
      `Invalid ${error.subject}`,
      error.issues.map((issue) => ({ path: issue.path, code: issue.reason })),
    );
  if (error instanceof FutureTimeEntryError)
    return new ValidationError('A time entry may not end after the current time', [
      { path: 'startedAt', code: 'in_future' },
    ]);
  if (error instanceof TimeEntryOverlapError)
    return new ConflictError(
      `The time entry overlaps time entry ${error.conflictingEntryId} of the same practitioner`,
    );
  if (error instanceof TimeEntryAlreadyVoidedError)
    return new ConflictError(`Time entry ${error.entryId} is already voided`);
  if (error instanceof IllegalReferralTransitionError)
    return new ConflictError(`A community referral cannot move from ${error.from} to ${error.to}`);
  return undefined;
}
