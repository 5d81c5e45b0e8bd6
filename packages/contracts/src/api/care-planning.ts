import type { RouteContract } from '../route-contract';

/** Routes served by the care-planning service. */
export const carePlanningRoutes: readonly RouteContract[] = [];
