import { createPracticeDirectory, createServiceRuntime } from '@carelink/lambda-kit';
import {
  composeConsents,
  composeCoverageReverification,
  composeDeterminations,
  composePatientEligibility,
} from './compose';

/**
 * The eligibility composition root: one runtime per process, and each part of the service built on
 * it. The parts are pure so that esbuild drops those a function does not import; they share the
 * practice directory, so a practice change applied here is seen by every part of the process at once.
 */
export const runtime = createServiceRuntime('eligibility');
export const practices = /* @__PURE__ */ createPracticeDirectory(runtime);
export const eligibility = /* @__PURE__ */ composeDeterminations(runtime, {}, practices);
export const consents = /* @__PURE__ */ composeConsents(runtime, practices);
export const patientEligibility = /* @__PURE__ */ composePatientEligibility(runtime);
export const reverifyCoverage = /* @__PURE__ */ composeCoverageReverification(runtime, eligibility);
