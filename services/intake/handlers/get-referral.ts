import { getReferralRoute } from '@carelink/contracts/api/intake/referrals';
import { etag, httpHandler, ok } from '@carelink/lambda-kit';
import { referralResource } from '../app/views';
import { referrals, runtime } from '../runtime';

export const handler = httpHandler(runtime, getReferralRoute, async ({ params, principal }) => {
  const referral = await referrals.get(principal.partnerId, params.referralId);
  return {
    ...ok(referralResource(referral), { etag: etag(referral.version) }),
    auditPatientId: referral.patientId,
    auditTenantId: referral.tenantId,
  };
});
