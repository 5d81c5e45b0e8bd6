import { ReferralStatusChangedV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { dispatch, runtime } from '../runtime';

/** Fans a status change out to the tenant's webhook subscriptions; failures are retried by the schedule. */
export const handler = eventConsumer(runtime, {
  name: 'webhook-fan-out',
  contracts: [ReferralStatusChangedV1],
  handle: ({ detail }) => dispatch.fanOut(detail.metadata, detail.data),
});
