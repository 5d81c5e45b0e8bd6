import { defineManifest, standardTable } from '@carelink/contracts';

/** The eligibility service as infra and the local cloud deploy it. */
export const eligibilityManifest = defineManifest({
  name: 'eligibility',
  source: 'carelink.eligibility',
  dir: import.meta.dirname,
  table: standardTable,
  routes: [],
  subscriptions: [],
  schedules: [],
});
