import type { RouteContract } from '../route-contract';

/** Routes served by the billing service. */
export const billingRoutes: readonly RouteContract[] = [];
