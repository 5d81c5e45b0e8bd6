import { updateReferralRoute } from '@carelink/contracts/api/intake/referrals';
import { etag, httpHandler } from '@carelink/lambda-kit';
import { referralResource } from '../app/views';
import { referrals, runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  updateReferralRoute,
  async ({ params, body, principal, ifMatch }) => {
    const { referral, commit } = await referrals.correct(
      principal.partnerId,
      params.referralId,
      body,
      ifMatch,
    );
    return {
      status: 200,
      auditPatientId: referral.patientId,
      auditTenantId: referral.tenantId,
      body: referralResource(referral),
      headers: { etag: etag(referral.version) },
      commit,
    };
  },
);
