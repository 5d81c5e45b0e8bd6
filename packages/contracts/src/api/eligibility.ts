import type { RouteContract } from '../route-contract';

/** Routes served by the eligibility service. */
export const eligibilityRoutes: readonly RouteContract[] = [];
