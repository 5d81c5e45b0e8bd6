import { ReferralStatusChangedV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { intake } from '../runtime';

/** Fans a status change out to the tenant's webhook subscriptions; failures are retried by the schedule. */
export const handler = eventConsumer(intake.runtime, {
  name: 'webhook-fan-out',
  contracts: [ReferralStatusChangedV1],
  handle: ({ detail }) => intake.dispatch.fanOut(detail.metadata, detail.data),
});
