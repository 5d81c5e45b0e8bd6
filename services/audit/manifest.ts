import { AccessRecordedV1, defineManifest, standardTable } from '@carelink/contracts';
import { listAccessRecordsRoute } from '@carelink/contracts/api/audit';

/** The audit service as infra and the local cloud deploy it. */
export const auditManifest = defineManifest({
  name: 'audit',
  source: 'carelink.audit',
  dir: import.meta.dirname,
  table: standardTable,
  routes: [{ contract: listAccessRecordsRoute, handler: 'handlers/list-access-records.ts' }],
  subscriptions: [
    {
      name: 'access-trail',
      events: [AccessRecordedV1],
      handler: 'handlers/on-access-recorded.ts',
      batchSize: 10,
      maxReceiveCount: 5,
      visibilityTimeoutSeconds: 30,
    },
  ],
  schedules: [],
});
