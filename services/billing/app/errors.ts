import { DomainError } from '@carelink/contracts';

export class RunNotFoundError extends DomainError {
  override readonly name = 'RunNotFoundError';
  readonly code = 'run-not-found';
  readonly problemType = 'not-found';
  constructor(detail = 'Billing run not found') {
    super(detail);
  }
}

/** The practice-month's run is finalised: nothing about it may change. */
export class RunFinalizedError extends DomainError {
  override readonly name = 'RunFinalizedError';
  readonly code = 'run-finalized';
  readonly problemType = 'conflict';
  constructor(readonly runId: string) {
    super('The billing run of this month is finalised', { existing: `/v1/billing/runs/${runId}` });
  }
}

/** The run is still being computed. */
export class RunInProgressError extends DomainError {
  override readonly name = 'RunInProgressError';
  readonly code = 'run-in-progress';
  readonly problemType = 'conflict';
  constructor(readonly runId: string) {
    super('The billing run is still running; retry when it completed', {
      existing: `/v1/billing/runs/${runId}`,
    });
  }
}

/** A month can only be billed once it has ended in the practice's time zone. */
export class MonthNotEndedError extends DomainError {
  override readonly name = 'MonthNotEndedError';
  readonly code = 'month-not-ended';
  readonly problemType = 'validation-failed';
  constructor() {
    super('A month can be billed once it has ended in the practice time zone', {
      fields: [{ path: 'body.month', code: 'month_not_ended' }],
    });
  }
}
