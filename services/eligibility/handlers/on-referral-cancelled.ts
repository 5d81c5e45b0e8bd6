import { ReferralCancelledV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { service } from '../runtime';

/** Withdraws the determination of a referral the partner cancelled. */
export const handler = eventConsumer(service.runtime, {
  name: 'referral-cancellation',
  contracts: [ReferralCancelledV1],
  handle: ({ detail }) =>
    service.eligibility.onReferralCancelled(
      detail.metadata.tenantId,
      detail.data,
      service.runtime.clock().toISOString(),
    ),
});
