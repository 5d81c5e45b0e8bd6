import { cancelReferralRoute } from '@carelink/contracts/api/intake';
import { etag, httpHandler } from '@carelink/lambda-kit';
import { referralResource } from '../app/views';
import { intake } from '../runtime';

export const handler = httpHandler(
  intake.runtime,
  cancelReferralRoute,
  async ({ params, body, principal }) => {
    const { referral, commit } = await intake.referrals.cancel(principal.partnerId, params.referralId, body);
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
