import {
  AccessRecordedV1,
  AgreementChangedV1,
  CaseClosedV1,
  CaseOpenedV1,
  defineManifest,
  EligibilityDeterminedV1,
  PartnerChangedV1,
  ReferralStatusChangedV1,
  standardTable,
} from '@carelink/contracts';
import {
  cancelReferralRoute,
  createReferralRoute,
  createWebhookRoute,
  deleteWebhookRoute,
  getReferralAccessLogRoute,
  getReferralRoute,
  listReferralsRoute,
  listWebhookDeliveriesRoute,
  listWebhooksRoute,
  updateReferralRoute,
} from '@carelink/contracts/api/intake';

/** The intake service as infra and the local cloud deploy it. */
export const intakeManifest = defineManifest({
  name: 'intake',
  source: 'carelink.intake',
  dir: import.meta.dirname,
  table: standardTable,
  localSeed: 'local-seed.ts',
  routes: [
    { contract: createReferralRoute, handler: 'handlers/create-referral.ts', uses: ['patient-key-secret'] },
    { contract: getReferralRoute, handler: 'handlers/get-referral.ts' },
    { contract: listReferralsRoute, handler: 'handlers/list-referrals.ts' },
    { contract: updateReferralRoute, handler: 'handlers/update-referral.ts' },
    { contract: cancelReferralRoute, handler: 'handlers/cancel-referral.ts' },
    { contract: createWebhookRoute, handler: 'handlers/create-webhook.ts' },
    { contract: listWebhooksRoute, handler: 'handlers/list-webhooks.ts' },
    { contract: deleteWebhookRoute, handler: 'handlers/delete-webhook.ts' },
    { contract: listWebhookDeliveriesRoute, handler: 'handlers/list-webhook-deliveries.ts' },
    { contract: getReferralAccessLogRoute, handler: 'handlers/get-referral-access-log.ts' },
  ],
  subscriptions: [
    {
      name: 'partner-access-log',
      events: [AccessRecordedV1],
      handler: 'handlers/on-access-recorded.ts',
      batchSize: 25,
      maxReceiveCount: 5,
      visibilityTimeoutSeconds: 60,
    },
    {
      name: 'partner-network',
      events: [AgreementChangedV1, PartnerChangedV1],
      handler: 'handlers/on-network-changed.ts',
      batchSize: 10,
      maxReceiveCount: 5,
      visibilityTimeoutSeconds: 30,
    },
    {
      name: 'referral-lifecycle',
      events: [EligibilityDeterminedV1, CaseOpenedV1, CaseClosedV1],
      handler: 'handlers/on-care-event.ts',
      batchSize: 10,
      maxReceiveCount: 5,
      visibilityTimeoutSeconds: 30,
    },
    {
      // Each record may wait up to 5 s per subscription on a first attempt; keep batches small.
      name: 'webhook-fan-out',
      events: [ReferralStatusChangedV1],
      handler: 'handlers/on-status-changed.ts',
      batchSize: 5,
      maxReceiveCount: 5,
      visibilityTimeoutSeconds: 90,
    },
  ],
  schedules: [
    {
      name: 'webhook-retries',
      expression: 'rate(1 minute)',
      timeZone: 'UTC',
      handler: 'handlers/send-due-webhooks.ts',
      description: 'Retries webhook deliveries whose next attempt is due',
    },
  ],
});
