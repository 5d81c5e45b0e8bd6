import { ConflictError, NotFoundError, ValidationError } from '@carelink/lambda-kit';
import {
  MonthNotEndedError,
  PracticeNotFoundError,
  RunFinalizedError,
  RunInProgressError,
  RunNotFoundError,
} from '../application/errors';
import { LeaseLostError } from '../store/run-store';

/** The one place billing's errors become problem types (details carry no personal data). */
export function mapBillingError(error: unknown): Error | undefined {
  if (error instanceof PracticeNotFoundError) return new NotFoundError('Practice');
  if (error instanceof RunNotFoundError) return new NotFoundError('Billing run');
  if (error instanceof RunFinalizedError) {
    return new ConflictError('The billing run of this month is finalised', `/v1/billing/runs/${error.runId}`);
  }
  if (error instanceof RunInProgressError) {
    return new ConflictError(
      'The billing run is still running; retry when it completed',
      `/v1/billing/runs/${error.runId}`,
    );
  }
  if (error instanceof LeaseLostError)
    return new ConflictError('The billing run was taken over by another worker');
  if (error instanceof MonthNotEndedError) {
    return new ValidationError('A month can be billed once it has ended in the practice time zone', [
      { path: 'body.month', code: 'month_not_ended' },
    ]);
  }
  return undefined;
}
