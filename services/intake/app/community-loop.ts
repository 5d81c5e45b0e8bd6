import type { CommunityReferralStatusChangedData, EventMetadata } from '@carelink/contracts';
import type { Commit } from '@carelink/lambda-kit';
import type { ReferralStore } from '../store/referral-store';
import type { WebhookDispatch } from './webhook-dispatch';

/**
 * Closes the social-needs loop with the health plan: each step of a community referral made for a
 * patient it referred reaches the partner's webhooks on that referral, as a FHIR Task status with
 * a reason code (the Gravity SDOH closed loop). Only the tenant's own referral of the same patient
 * is told; anything else is ignored.
 */
export function createCommunityLoop(referrals: Pick<ReferralStore, 'get'>, dispatch: WebhookDispatch) {
  return {
    async changed(
      metadata: EventMetadata,
      data: CommunityReferralStatusChangedData,
    ): Promise<Commit | undefined> {
      if (!data.referralId) return undefined;
      const referral = await referrals.get(metadata.tenantId, data.referralId);
      if (!referral || referral.patientId !== data.patientId) return undefined;
      return dispatch.fanOutCommunityReferral(metadata, referral.partnerId, {
        referralId: referral.id,
        externalReferralId: referral.externalReferralId,
        communityReferralId: data.communityReferralId,
        category: data.category,
        status: data.status,
        previousStatus: data.previousStatus,
        taskStatus: data.taskStatus,
        reason: data.reason,
        version: data.version,
      });
    },
  };
}
