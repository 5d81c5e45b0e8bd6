import { defineManifest, standardTable } from '@carelink/contracts';

/** The outreach service as infra and the local cloud deploy it. */
export const outreachManifest = defineManifest({
  name: 'outreach',
  source: 'carelink.outreach',
  dir: import.meta.dirname,
  table: standardTable,
  routes: [],
  subscriptions: [],
  schedules: [],
});
