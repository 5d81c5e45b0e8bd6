import { defineManifest, standardTable } from '@carelink/contracts';

/** The intake service as infra and the local cloud deploy it. */
export const intakeManifest = defineManifest({
  name: 'intake',
  source: 'carelink.intake',
  dir: import.meta.dirname,
  table: standardTable,
  routes: [],
  subscriptions: [],
  schedules: [],
});
