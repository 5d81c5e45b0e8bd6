import { CaseClosedV1, CaseOpenedV1, EligibilityDeterminedV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { referrals, runtime } from '../runtime';

/** Moves referrals through their lifecycle on eligibility and case events. */
export const handler = eventConsumer(runtime, {
  name: 'referral-lifecycle',
  contracts: [EligibilityDeterminedV1, CaseOpenedV1, CaseClosedV1],
  handle: (event) => referrals.applyCareEvent(event.contract, event.detail.metadata, event.detail.data),
});
