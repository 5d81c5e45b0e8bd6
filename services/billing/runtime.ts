import { createPracticeDirectory, createServiceRuntime } from '@carelink/lambda-kit';
import {
  composeBillingRuns,
  composeBillingWorklist,
  composeClaimExports,
  composeLedgerProjector,
  composeMonthlyRuns,
  composePatientMonthInputs,
  composeRunFinalizer,
  composeRunQueries,
} from './compose';

/**
 * The billing composition root: one runtime per process, and each part of the service built on it.
 * The parts are pure so that esbuild drops those a function does not import.
 */
export const runtime = createServiceRuntime('billing');
export const practices = /* @__PURE__ */ createPracticeDirectory(runtime);
export const billingRuns = /* @__PURE__ */ composeBillingRuns(runtime);
export const runFinalizer = /* @__PURE__ */ composeRunFinalizer(runtime);
export const queries = /* @__PURE__ */ composeRunQueries(runtime);
export const inputs = /* @__PURE__ */ composePatientMonthInputs(runtime);
export const worklist = /* @__PURE__ */ composeBillingWorklist(runtime);
export const projectLedger = /* @__PURE__ */ composeLedgerProjector(runtime);
export const monthlyRuns = /* @__PURE__ */ composeMonthlyRuns(runtime);
export const claimExports = /* @__PURE__ */ composeClaimExports(runtime);
