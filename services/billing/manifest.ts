import { defineManifest, standardTable } from '@carelink/contracts';

/** The billing service as infra and the local cloud deploy it. */
export const billingManifest = defineManifest({
  name: 'billing',
  source: 'carelink.billing',
  dir: import.meta.dirname,
  table: standardTable,
  routes: [],
  subscriptions: [],
  schedules: [],
});
