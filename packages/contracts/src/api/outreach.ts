import type { RouteContract } from '../route-contract';

/** Routes served by the outreach service. */
export const outreachRoutes: readonly RouteContract[] = [];
