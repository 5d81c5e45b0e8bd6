import { createPracticeDirectory, createServiceRuntime } from '@carelink/lambda-kit';
import {
  composeConsents,
  composeCoverageReverification,
  composeDeterminations,
  composePatientEligibility,
} from './compose';

/**
 * The eligibility composition root: one runtime per process, and each part of the service built on
 * it. The parts are pure so that esbuild drops those a function does not import.
 */
export const runtime = createServiceRuntime('eligibility');
export const practices = /* @__PURE__ */ createPracticeDirectory(runtime);
export const eligibility = /* @__PURE__ */ composeDeterminations(runtime);
export const consents = /* @__PURE__ */ composeConsents(runtime);
export const patientEligibility = /* @__PURE__ */ composePatientEligibility(runtime);
export const reverifyCoverage = /* @__PURE__ */ composeCoverageReverification(runtime);
