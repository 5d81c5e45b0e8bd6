/** Billing's own failures; `http/map-error.ts` turns them into problem types. Details carry ids only. */
export class BillingError extends Error {
  override name = 'BillingError';
}

/** The practice does not exist for the tenant, or the caller does not belong to it. */
export class PracticeNotFoundError extends BillingError {
  override name = 'PracticeNotFoundError';
}

export class RunNotFoundError extends BillingError {
  override name = 'RunNotFoundError';
}

/** The practice-month's run is finalised: nothing about it may change. */
export class RunFinalizedError extends BillingError {
  override name = 'RunFinalizedError';
  constructor(readonly runId: string) {
    super('The billing run of this month is finalised');
  }
}

/** The run is still being computed. */
export class RunInProgressError extends BillingError {
  override name = 'RunInProgressError';
  constructor(readonly runId: string) {
    super('The billing run is still running');
  }
}

/** A month can only be billed once it has ended in the practice's time zone. */
export class MonthNotEndedError extends BillingError {
  override name = 'MonthNotEndedError';
}
