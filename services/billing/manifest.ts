import {
  BillingRunRequestedV1,
  defineManifest,
  PracticeChangedV1,
  practiceDirectorySubscription,
  standardTable,
} from '@carelink/contracts';
import {
  finalizeRunRoute,
  getAuditRoute,
  getClaimsRoute,
  getRunRoute,
  getSummaryRoute,
  getWorklistRoute,
  listRunsRoute,
  putMedicalDecisionMakingRoute,
  putOtherBilledRoute,
  recordVisitRoute,
  startRunRoute,
} from '@carelink/contracts/api/billing';
import { ledgerEvents } from './app/ledger-events';

/** The billing service as infra and the local cloud deploy it. */
export const billingManifest = defineManifest({
  name: 'billing',
  source: 'carelink.billing',
  dir: import.meta.dirname,
  table: standardTable,
  routes: [
    { contract: putMedicalDecisionMakingRoute, handler: 'handlers/put-mdm.ts' },
    { contract: putOtherBilledRoute, handler: 'handlers/put-other-billed.ts' },
    { contract: startRunRoute, handler: 'handlers/start-run.ts' },
    { contract: getRunRoute, handler: 'handlers/get-run.ts' },
    { contract: listRunsRoute, handler: 'handlers/list-runs.ts' },
    { contract: finalizeRunRoute, handler: 'handlers/finalize-run.ts' },
    { contract: getClaimsRoute, handler: 'handlers/get-claims.ts' },
    { contract: getSummaryRoute, handler: 'handlers/get-summary.ts' },
    { contract: getAuditRoute, handler: 'handlers/get-audit.ts' },
    { contract: getWorklistRoute, handler: 'handlers/get-worklist.ts' },
    { contract: recordVisitRoute, handler: 'handlers/record-visit.ts' },
  ],
  subscriptions: [
    practiceDirectorySubscription(PracticeChangedV1),
    {
      name: 'ledger',
      events: ledgerEvents,
      handler: 'handlers/ledger-consumer.ts',
      batchSize: 10,
      maxReceiveCount: 5,
      visibilityTimeoutSeconds: 60,
    },
    {
      name: 'run-worker',
      events: [BillingRunRequestedV1],
      handler: 'handlers/run-worker.ts',
      // One run per invocation, up to Lambda's 15 minutes; a worker that dies is resumed from its
      // checkpoint by the next delivery (or the hourly schedule) once its lease has run out.
      batchSize: 1,
      maxReceiveCount: 5,
      visibilityTimeoutSeconds: 5400,
      // The billing run's former route had 1024 MB: a run decides thousands of patient-months.
      memorySize: 1024,
    },
  ],
  schedules: [
    {
      name: 'monthly-run',
      // Hourly: each practice's run starts in the first hour after 02:00 on the 1st in its own zone.
      expression: 'cron(5 * * * ? *)',
      timeZone: 'UTC',
      handler: 'handlers/monthly-run.ts',
      description: 'Starts (or resumes) the previous month billing run of every practice once it is due',
    },
  ],
});
