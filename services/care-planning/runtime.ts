import { createServiceRuntime } from '@carelink/lambda-kit';
import { caseStore } from './store/case-store';
import { planStore } from './store/plan-store';
import { rosterStore } from './store/roster-store';

/** The care-planning service's composition root: one runtime and the stores built on it. */
export const runtime = createServiceRuntime('care-planning');
export const roster = rosterStore(runtime);
export const cases = caseStore(runtime);
export const plans = planStore(runtime);
