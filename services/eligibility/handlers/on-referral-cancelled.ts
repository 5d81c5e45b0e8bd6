import { ReferralCancelledV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { eligibility, runtime } from '../runtime';

/** Withdraws the determination of a referral the partner cancelled. */
export const handler = eventConsumer(runtime, {
  name: 'referral-cancellation',
  contracts: [ReferralCancelledV1],
  handle: ({ detail }) =>
    eligibility.onReferralCancelled(detail.metadata.tenantId, detail.data, runtime.clock().toISOString()),
});
