import { defineManifest, standardTable } from '@carelink/contracts';
import { getPatientTimelineRoute } from '@carelink/contracts/api/timeline';
import { timelineEvents } from './app/timeline-events';

/** The timeline service as infra and the local cloud deploy it. */
export const timelineManifest = defineManifest({
  name: 'timeline',
  source: 'carelink.timeline',
  dir: import.meta.dirname,
  table: standardTable,
  routes: [{ contract: getPatientTimelineRoute, handler: 'handlers/get-timeline.ts' }],
  subscriptions: [
    {
      name: 'patient-events',
      events: timelineEvents,
      handler: 'handlers/on-patient-event.ts',
      batchSize: 10,
      maxReceiveCount: 5,
      visibilityTimeoutSeconds: 30,
    },
  ],
  schedules: [],
});
