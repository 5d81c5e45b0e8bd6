import { ReferralReceivedV1, ReferralUpdatedV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { referralInputOf } from '../app/referral-input';
import { eligibility, runtime } from '../runtime';

/** Determines eligibility when a referral arrives or is updated (stale versions are ignored). */
export const handler = eventConsumer(runtime, {
  name: 'referral-screening',
  contracts: [ReferralReceivedV1, ReferralUpdatedV1],
  handle: async ({ detail }) => {
    // ReferralUpdated carries the referral's version; a received referral is version 1.
    const sourceVersion = 'version' in detail.data ? detail.data.version : 1;
    return eligibility.onReferral(detail.metadata.tenantId, referralInputOf(detail.data, sourceVersion));
  },
});
