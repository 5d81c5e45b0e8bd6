import { ReferralCancelledV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { onReferralCancelled } from '../app/cancellation';
import { carePlanning } from '../runtime';

export const handler = eventConsumer(carePlanning.runtime, {
  name: 'referral-cancellation',
  contracts: [ReferralCancelledV1],
  handle: async ({ detail }) => onReferralCancelled(carePlanning, detail),
});
