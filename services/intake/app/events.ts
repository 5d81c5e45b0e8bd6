import {
  ClaimSubscriberChangedV1,
  PatientIdentifiedV1,
  ReferralCancelledV1,
  ReferralReceivedV1,
  ReferralStatusChangedV1,
  ReferralUpdatedV1,
} from '@carelink/contracts';
import type { CancelReasonCode } from '@carelink/contracts/api/intake/referrals';
import { type EventDraft, emit } from '@carelink/lambda-kit';
import type * as z from 'zod/mini';
import { taskStatusOf } from '../domain/lifecycle';
import {
  claimSubscriber,
  eligibilityFacts,
  patientIdentity,
  type Referral,
  statusChanges,
  updatedFacts,
} from '../domain/referral';

// What intake publishes. Only `ReferralReceived` and `ReferralUpdated` carry clinical facts, for
// eligibility; only `ClaimSubscriberChanged` carries the subscriber's identity, for billing, and
// `PatientIdentified` the patient's name, for the timeline; the status events that reach partners carry ids and statuses only.

/** One `ReferralStatusChanged` per lifecycle step between two states. */
export function statusChangedEvents(before: Referral | undefined, after: Referral): EventDraft[] {
  return statusChanges(before, after).map((change) =>
    emit(
      ReferralStatusChangedV1,
      {
        referralId: after.id,
        externalReferralId: after.externalReferralId,
        status: change.status,
        previousStatus: change.previousStatus,
        taskStatus: taskStatusOf[change.status],
        businessStatus: change.businessStatus,
        version: change.version,
        partnerId: after.partnerId,
      },
      change.version,
    ),
  );
}

export const referralReceived = (referral: Referral): EventDraft =>
  emit(ReferralReceivedV1, eligibilityFacts(referral), referral.version);

export const referralUpdated = (referral: Referral): EventDraft =>
  emit(ReferralUpdatedV1, updatedFacts(referral), referral.version);

/** Who the patient is, for the timeline; published with every version of the referral. */
export const patientIdentified = (referral: Referral): EventDraft =>
  emit(PatientIdentifiedV1, patientIdentity(referral), referral.version);

/** The subscriber and coverage, for billing's claims; published with every version of the referral. */
export const claimSubscriberChanged = (referral: Referral): EventDraft =>
  emit(ClaimSubscriberChangedV1, claimSubscriber(referral), referral.version);

export const referralCancelled = (
  referral: Referral,
  reasonCode: z.output<typeof CancelReasonCode>,
): EventDraft =>
  emit(
    ReferralCancelledV1,
    { referralId: referral.id, patientId: referral.patientId, reasonCode },
    referral.version,
  );
