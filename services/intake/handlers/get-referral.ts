import { getReferralRoute } from '@carelink/contracts/api/intake';
import { etag, httpHandler, ok } from '@carelink/lambda-kit';
import { referralResource } from '../app/views';
import { intake } from '../runtime';

export const handler = httpHandler(intake.runtime, getReferralRoute, async ({ params, principal }) => {
  const referral = await intake.referrals.get(principal.partnerId, params.referralId);
  return {
    ...ok(referralResource(referral), { etag: etag(referral.version) }),
    auditPatientId: referral.patientId,
    auditTenantId: referral.tenantId,
  };
});
