import type { RouteContract } from '../route-contract';

/** Routes served by the intake service. */
export const intakeRoutes: readonly RouteContract[] = [];
