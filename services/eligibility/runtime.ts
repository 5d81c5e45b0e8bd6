import { createServiceRuntime } from '@carelink/lambda-kit';
import { composeEligibility } from './compose';

/** The eligibility composition root: one runtime per process and the service built on it. */
export const service = composeEligibility(createServiceRuntime('eligibility'));
