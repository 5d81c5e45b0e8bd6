import type { RouteContract } from '../route-contract';

/** Every route of the public API; each service's route module adds its contracts here. */
export const apiRoutes: readonly RouteContract[] = [];
