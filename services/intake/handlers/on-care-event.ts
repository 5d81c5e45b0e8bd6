import { CaseClosedV1, CaseOpenedV1, EligibilityDeterminedV1, type EventData } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import {
  applyCaseClosed,
  applyCaseOpened,
  applyDetermination,
  type EventOutcome,
  type Referral,
} from '../domain/referral';
import { statusChangedEvents } from '../referral-events';
import { referrals, runtime } from '../runtime';

/** Moves referrals through their lifecycle on eligibility and case events. */
export const handler = eventConsumer(runtime, {
  name: 'referral-lifecycle',
  contracts: [EligibilityDeterminedV1, CaseOpenedV1, CaseClosedV1],
  handle: async (event) => {
    const { metadata, data } = event.detail;
    const referral = await referrals.get(metadata.tenantId, data.referralId);
    if (!referral) {
      runtime.logger.warn('event for an unknown referral ignored', {
        referralId: data.referralId,
        detailType: event.contract.detailType,
      });
      return undefined;
    }
    const at = runtime.clock().toISOString();
    let outcome: EventOutcome;
    if (event.contract === EligibilityDeterminedV1) {
      const determination = data as EventData<typeof EligibilityDeterminedV1>;
      outcome = applyDetermination(referral, determination, at);
    } else if (event.contract === CaseOpenedV1) {
      outcome = applyCaseOpened(referral, (data as EventData<typeof CaseOpenedV1>).caseId, at);
    } else {
      outcome = applyCaseClosed(referral, (data as EventData<typeof CaseClosedV1>).caseId, at);
    }
    if (!outcome.applied) {
      runtime.logger.info('event left the referral unchanged', {
        referralId: referral.id,
        status: referral.status,
        detailType: event.contract.detailType,
        reason: outcome.reason,
      });
      return undefined;
    }
    return commitOf(referral, outcome.referral);
  },
});

function commitOf(before: Referral, after: Referral) {
  return { writes: [referrals.replace(after, before.version)], events: statusChangedEvents(before, after) };
}
