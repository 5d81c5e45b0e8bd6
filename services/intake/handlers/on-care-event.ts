import { CaseClosedV1, CaseOpenedV1, EligibilityDeterminedV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { intake } from '../runtime';

/** Moves referrals through their lifecycle on eligibility and case events. */
export const handler = eventConsumer(intake.runtime, {
  name: 'referral-lifecycle',
  contracts: [EligibilityDeterminedV1, CaseOpenedV1, CaseClosedV1],
  handle: (event) =>
    intake.referrals.applyCareEvent(event.contract, event.detail.metadata, event.detail.data),
});
