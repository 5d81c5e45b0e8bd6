import type { RouteContract } from '../route-contract';
import { getAssessmentRoute, putAssessmentRoute } from './care-planning/assessment';
import {
  createCarePlanFromTemplateRoute,
  getCarePlanRoute,
  getCarePlanVersionRoute,
  listCarePlanVersionsRoute,
  putCarePlanRoute,
} from './care-planning/care-plan';
import { changeCareTeamRoute, closeCaseRoute, getCaseRoute, listCasesRoute } from './care-planning/cases';
import { completeReviewTaskRoute, listReviewTasksRoute } from './care-planning/review-tasks';
import { listRosterStaffRoute, putRosterStaffRoute } from './care-planning/roster';

/**
 * The care-planning API: roster, cases, assessment, care plan and review tasks. Each area is its own
 * module so that a function bundles only the schemas of its route.
 */
export * from './care-planning/assessment';
export * from './care-planning/care-plan';
export * from './care-planning/cases';
export * from './care-planning/review-tasks';
export * from './care-planning/roster';
export { CaseIdParams, StaffId } from './care-planning/shared';

/** Routes served by the care-planning service. */
export const carePlanningRoutes: readonly RouteContract[] = [
  putRosterStaffRoute,
  listRosterStaffRoute,
  listCasesRoute,
  getCaseRoute,
  putAssessmentRoute,
  putCarePlanRoute,
  getCarePlanRoute,
  listCarePlanVersionsRoute,
  getCarePlanVersionRoute,
  createCarePlanFromTemplateRoute,
  changeCareTeamRoute,
  closeCaseRoute,
  listReviewTasksRoute,
  completeReviewTaskRoute,
  getAssessmentRoute,
];
