import type { RouteContract } from '../route-contract';
import { getAuditRoute } from './billing/audit';
import { getClaimsRoute } from './billing/claims';
import {
  putMedicalDecisionMakingRoute,
  putOtherBilledRoute,
  recordVisitRoute,
} from './billing/patient-months';
import { finalizeRunRoute, getRunRoute, listRunsRoute, startRunRoute } from './billing/runs';
import { getSummaryRoute } from './billing/summary';
import { getWorklistRoute } from './billing/worklist';

/**
 * The billing API for a practice's billing lead. Each area is its own module so that a function
 * bundles only the schemas of its route.
 */
export * from './billing/audit';
export * from './billing/claims';
export * from './billing/patient-months';
export * from './billing/runs';
export * from './billing/summary';
export * from './billing/worklist';

/** Routes served by the billing service. */
export const billingRoutes: readonly RouteContract[] = [
  putMedicalDecisionMakingRoute,
  putOtherBilledRoute,
  startRunRoute,
  getRunRoute,
  finalizeRunRoute,
  listRunsRoute,
  getClaimsRoute,
  getSummaryRoute,
  getAuditRoute,
  getWorklistRoute,
  recordVisitRoute,
];
