import { updateCommunityReferralStatusRoute } from '@carelink/contracts/api/outreach/community';
import { httpHandler } from '@carelink/lambda-kit';
import { moveReferral, referralView } from '../app/community';
import { now, runtime, stores } from '../runtime';

export const handler = httpHandler(
  runtime,
  updateCommunityReferralStatusRoute,
  async ({ params, body, principal }) => {
    const { referral, commit } = await moveReferral(
      stores,
      principal,
      params.patientId,
      params.referralId,
      { to: body.status, reason: body.reason },
      now(),
    );
    return { status: 200, body: referralView(referral), commit };
  },
);
