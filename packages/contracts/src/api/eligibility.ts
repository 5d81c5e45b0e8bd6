import type { RouteContract } from '../route-contract';
import { listConsentsRoute, recordConsentRoute, revokeConsentRoute } from './eligibility/consents';
import { getEligibilityRoute } from './eligibility/determinations';

/**
 * The eligibility API: consents and the determinations staff read. Each area is its own module so
 * that a function bundles only the schemas of its route.
 */
export * from './eligibility/consents';
export * from './eligibility/determinations';

/** Routes served by the eligibility service. */
export const eligibilityRoutes: readonly RouteContract[] = [
  recordConsentRoute,
  revokeConsentRoute,
  listConsentsRoute,
  getEligibilityRoute,
];
