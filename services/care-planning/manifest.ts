import { defineManifest, standardTable } from '@carelink/contracts';

/** The care-planning service as infra and the local cloud deploy it. */
export const carePlanningManifest = defineManifest({
  name: 'care-planning',
  source: 'carelink.care-planning',
  dir: import.meta.dirname,
  table: standardTable,
  routes: [],
  subscriptions: [],
  schedules: [],
});
