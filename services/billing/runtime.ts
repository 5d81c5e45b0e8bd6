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
  composeRunRequests,
} from './compose';

/**
 * The billing composition root: one runtime per process, and each part of the service built on it.
 * The parts are pure so that esbuild drops those a function does not import; they share the practice
 * directory, so a practice change applied here is seen by every part of the process at once.
 */
export const runtime = createServiceRuntime('billing');
export const practices = /* @__PURE__ */ createPracticeDirectory(runtime);
export const runRequests = /* @__PURE__ */ composeRunRequests(runtime, { practices });
export const billingRuns = /* @__PURE__ */ composeBillingRuns(runtime, { practices });
export const runFinalizer = /* @__PURE__ */ composeRunFinalizer(runtime, { practices });
export const queries = /* @__PURE__ */ composeRunQueries(runtime, { practices });
export const inputs = /* @__PURE__ */ composePatientMonthInputs(runtime, { practices });
export const worklist = /* @__PURE__ */ composeBillingWorklist(runtime, { practices });
export const projectLedger = /* @__PURE__ */ composeLedgerProjector(runtime, { practices });
export const monthlyRuns = /* @__PURE__ */ composeMonthlyRuns(runtime, { practices });
export const claimExports = /* @__PURE__ */ composeClaimExports(runtime, { practices });
