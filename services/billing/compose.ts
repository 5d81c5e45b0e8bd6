import { createPracticeDirectory, type ServiceRuntime } from '@carelink/lambda-kit';
import { createBillingRuns } from './app/billing-runs';
import { createBillingWorklist } from './app/billing-worklist';
import { createClaimExports } from './app/claim-exports';
import { createLedgerProjector } from './app/ledger-projector';
import { createMonthlyRunScheduler } from './app/monthly-run-scheduler';
import { createPatientMonthInputs } from './app/patient-month-inputs';
import { createRunFinalizer } from './app/run-finalizer';
import { createRunNow } from './app/run-now';
import { createRunQueries } from './app/run-queries';
import { createRunRequests, type RunRequests } from './app/run-requests';
import { createControlNumbers } from './store/control-numbers';
import { createLedgerReader } from './store/ledger-reader';
import { createLedgerStore } from './store/ledger-store';
import { createLockStore } from './store/lock-store';
import { createRunStore } from './store/run-store';
import { createSubscriberStore } from './store/subscriber-store';

/** The stores billing's parts share when the whole service is built on one runtime. */
export function createBillingStores(runtime: ServiceRuntime) {
  return {
    ledger: createLedgerStore(runtime),
    runs: createRunStore(runtime),
    practices: createPracticeDirectory(runtime),
    subscribers: createSubscriberStore(runtime),
  };
}

export type BillingStores = ReturnType<typeof createBillingStores>;

// Each part builds only the stores it is not handed, so runtime.ts can build one part per function
// and a function bundles only the use cases it calls.

/** Asking for billing runs: the API's and the schedule's side; the run worker executes them. */
export function composeRunRequests(runtime: ServiceRuntime, shared: Partial<BillingStores> = {}) {
  return createRunRequests(
    runtime,
    shared.runs ?? createRunStore(runtime),
    shared.practices ?? createPracticeDirectory(runtime),
  );
}

/** Executing requested billing runs (the run worker), and resuming those whose worker died. */
export function composeBillingRuns(runtime: ServiceRuntime, shared: Partial<BillingStores> = {}) {
  return createBillingRuns(
    runtime,
    shared.ledger ?? createLedgerReader(runtime),
    shared.runs ?? createRunStore(runtime),
    shared.practices ?? createPracticeDirectory(runtime),
    createLockStore(runtime),
  );
}

/** Finalising a run: its claims are published, then it is frozen. */
export function composeRunFinalizer(runtime: ServiceRuntime, shared: Partial<BillingStores> = {}) {
  return createRunFinalizer(runtime, shared.runs ?? createRunStore(runtime));
}

/** The read side of runs: the run, its summary and its audit packets. */
export function composeRunQueries(runtime: ServiceRuntime, shared: Partial<BillingStores> = {}) {
  return createRunQueries(
    shared.runs ?? createRunStore(runtime),
    shared.practices ?? createPracticeDirectory(runtime),
  );
}

/** What the billing lead records on a patient-month: MDM, codes billed elsewhere, visits. */
export function composePatientMonthInputs(runtime: ServiceRuntime, shared: Partial<BillingStores> = {}) {
  return createPatientMonthInputs(
    runtime,
    shared.ledger ?? createLedgerStore(runtime),
    shared.practices ?? createPracticeDirectory(runtime),
  );
}

/** The patients of a month within reach of their next billable threshold. */
export function composeBillingWorklist(runtime: ServiceRuntime, shared: Partial<BillingStores> = {}) {
  return createBillingWorklist(
    runtime,
    shared.ledger ?? createLedgerReader(runtime),
    shared.practices ?? createPracticeDirectory(runtime),
  );
}

/** The patient-month ledgers and patient facts kept from other services' events. */
export function composeLedgerProjector(runtime: ServiceRuntime, shared: Partial<BillingStores> = {}) {
  return createLedgerProjector(
    runtime,
    shared.ledger ?? createLedgerStore(runtime),
    shared.practices ?? createPracticeDirectory(runtime),
    shared.subscribers ?? createSubscriberStore(runtime),
  );
}

/** The hourly schedule that requests each practice's due month and runs whose worker died. */
export function composeMonthlyRuns(
  runtime: ServiceRuntime,
  shared: Partial<BillingStores> = {},
  requests: RunRequests = composeRunRequests(runtime, shared),
) {
  return createMonthlyRunScheduler(
    runtime,
    shared.runs ?? createRunStore(runtime),
    requests,
    shared.practices ?? createPracticeDirectory(runtime),
  );
}

/** The claim exports: only the function that serves them carries the renderers (CSV, FHIR, X12). */
export function composeClaimExports(runtime: ServiceRuntime, shared: Partial<BillingStores> = {}) {
  return createClaimExports(
    runtime,
    shared.runs ?? createRunStore(runtime),
    shared.practices ?? createPracticeDirectory(runtime),
    shared.subscribers ?? createSubscriberStore(runtime),
    createControlNumbers(runtime),
  );
}

/** Builds the billing service's stores and use cases on a runtime (CLI, tests, benchmark). */
export function composeBilling(runtime: ServiceRuntime) {
  const stores = createBillingStores(runtime);
  const billingRuns = composeBillingRuns(runtime, stores);
  const runRequests = composeRunRequests(runtime, stores);
  return {
    runtime,
    ...stores,
    runRequests,
    billingRuns,
    /** Requests a run and executes it in this process (command line, tests, benchmark). */
    startRun: createRunNow(runRequests, billingRuns),
    runFinalizer: composeRunFinalizer(runtime, stores),
    queries: composeRunQueries(runtime, stores),
    inputs: composePatientMonthInputs(runtime, stores),
    worklist: composeBillingWorklist(runtime, stores),
    projectLedger: composeLedgerProjector(runtime, stores),
    monthlyRuns: composeMonthlyRuns(runtime, stores, runRequests),
  };
}

export type Billing = ReturnType<typeof composeBilling>;
