import {
  defineManifest,
  PracticeChangedV1,
  practiceDirectorySubscription,
  ReferralCancelledV1,
  ReferralReceivedV1,
  ReferralUpdatedV1,
  standardTable,
} from '@carelink/contracts';
import {
  getEligibilityRoute,
  listConsentsRoute,
  recordConsentRoute,
  revokeConsentRoute,
} from '@carelink/contracts/api/eligibility';

/** The eligibility service as infra and the local cloud deploy it. */
export const eligibilityManifest = defineManifest({
  name: 'eligibility',
  source: 'carelink.eligibility',
  dir: import.meta.dirname,
  table: standardTable,
  routes: [
    { contract: recordConsentRoute, handler: 'handlers/record-consent.ts' },
    { contract: revokeConsentRoute, handler: 'handlers/revoke-consent.ts' },
    { contract: listConsentsRoute, handler: 'handlers/list-consents.ts' },
    { contract: getEligibilityRoute, handler: 'handlers/get-eligibility.ts' },
  ],
  subscriptions: [
    practiceDirectorySubscription(PracticeChangedV1),
    {
      name: 'referral-screening',
      events: [ReferralReceivedV1, ReferralUpdatedV1],
      handler: 'handlers/on-referral.ts',
      batchSize: 10,
      maxReceiveCount: 5,
      visibilityTimeoutSeconds: 60,
    },
    {
      name: 'referral-cancellation',
      events: [ReferralCancelledV1],
      handler: 'handlers/on-referral-cancelled.ts',
      batchSize: 10,
      maxReceiveCount: 5,
      visibilityTimeoutSeconds: 60,
    },
  ],
  schedules: [
    {
      name: 'coverage-reverification',
      expression: 'rate(5 minutes)',
      timeZone: 'UTC',
      handler: 'handlers/reverify-coverage.ts',
      description: 'Re-verifies coverage the payer did not answer for and publishes the new determinations',
    },
  ],
});
