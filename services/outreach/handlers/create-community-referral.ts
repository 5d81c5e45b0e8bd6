import { createCommunityReferralRoute } from '@carelink/contracts/api/outreach/community';
import { created, httpHandler } from '@carelink/lambda-kit';
import { referPatient, referralView } from '../app/community';
import { now, runtime, stores } from '../runtime';

export const handler = httpHandler(
  runtime,
  createCommunityReferralRoute,
  async ({ params, body, principal }) => {
    const { referral, commit } = await referPatient(stores, principal, params.patientId, body.resourceId, {
      referralId: runtime.newId(),
      now: now(),
    });
    return created(
      `/v1/patients/${params.patientId}/community-referrals/${referral.id}`,
      referralView(referral),
      commit,
    );
  },
);
