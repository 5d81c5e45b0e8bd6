import { createPracticeDirectory, type ServiceRuntime } from '@carelink/lambda-kit';
import { createBillingQueries } from './app/billing-queries';
import { createBillingRuns } from './app/billing-runs';
import { createClaimExports } from './app/claim-exports';
import { createLedgerProjector } from './app/ledger-projector';
import { createMonthlyRunScheduler } from './app/monthly-run-scheduler';
import { createControlNumbers } from './store/control-numbers';
import { createLedgerStore } from './store/ledger-store';
import { createLockStore } from './store/lock-store';
import { createRunStore } from './store/run-store';
import { createSubscriberStore } from './store/subscriber-store';

/** Builds the billing service's stores and use cases on a runtime (Lambda, CLI, tests, benchmark). */
export function composeBilling(runtime: ServiceRuntime) {
  const ledger = createLedgerStore(runtime);
  const runs = createRunStore(runtime);
  const practices = createPracticeDirectory(runtime);
  const subscribers = createSubscriberStore(runtime);
  const billingRuns = createBillingRuns(runtime, ledger, runs, practices, createLockStore(runtime));
  return {
    runtime,
    practices,
    ledger,
    runs,
    subscribers,
    billingRuns,
    queries: createBillingQueries(runtime, ledger, runs, practices),
    projectLedger: createLedgerProjector(runtime, ledger, practices, subscribers),
    monthlyRuns: createMonthlyRunScheduler(runtime, runs, billingRuns, practices),
  };
}

export type Billing = ReturnType<typeof composeBilling>;

/** The claim exports, built only by the function that serves them (it alone carries the renderers). */
export function composeClaimExports(billing: Billing) {
  return createClaimExports(
    billing.runtime,
    billing.runs,
    billing.practices,
    billing.subscribers,
    createControlNumbers(billing.runtime),
  );
}
