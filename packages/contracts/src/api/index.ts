import type { RouteContract } from '../route-contract';
import { auditRoutes } from './audit';
import { billingRoutes } from './billing';
import { carePlanningRoutes } from './care-planning';
import { directoryRoutes } from './directory';
import { eligibilityRoutes } from './eligibility';
import { intakeRoutes } from './intake';
import { outreachRoutes } from './outreach';
import { timelineRoutes } from './timeline';

/** Every route of the public API, as the OpenAPI document lists them. */
export const apiRoutes: readonly RouteContract[] = [
  ...directoryRoutes,
  ...intakeRoutes,
  ...eligibilityRoutes,
  ...carePlanningRoutes,
  ...outreachRoutes,
  ...billingRoutes,
  ...auditRoutes,
  ...timelineRoutes,
];
