import { createPracticeDirectory, type ServiceRuntime } from '@carelink/lambda-kit';
import { caseStore } from './store/case-store';
import { consentStore } from './store/consent-store';
import { planStore } from './store/plan-store';
import { rosterStore } from './store/roster-store';

/**
 * Builds care-planning's stores on a runtime (Lambda, tests). The use cases in `app/` take this
 * as their first argument, so a test can hand them its own runtime and stores.
 */
export function composeCarePlanning(runtime: ServiceRuntime) {
  return {
    runtime,
    practices: createPracticeDirectory(runtime),
    roster: rosterStore(runtime),
    cases: caseStore(runtime),
    plans: planStore(runtime),
    consents: consentStore(runtime),
  };
}

export type CarePlanning = ReturnType<typeof composeCarePlanning>;
