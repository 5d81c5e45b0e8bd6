import { cancelReferralRoute } from '@carelink/contracts/api/intake/referrals';
import { etag, httpHandler } from '@carelink/lambda-kit';
import { referralResource } from '../app/views';
import { referrals, runtime } from '../runtime';

export const handler = httpHandler(runtime, cancelReferralRoute, async ({ params, body, principal }) => {
  const { referral, commit } = await referrals.cancel(principal.partnerId, params.referralId, body);
  return {
    status: 200,
    auditPatientId: referral.patientId,
    auditTenantId: referral.tenantId,
    body: referralResource(referral),
    headers: { etag: etag(referral.version) },
    commit,
  };
});
