import { createReferralRoute } from '@carelink/contracts/api/intake/referrals';
import { etag, httpHandler } from '@carelink/lambda-kit';
import { referralResource } from '../app/views';
import { referrals, runtime } from '../runtime';

export const handler = httpHandler(runtime, createReferralRoute, async ({ body, principal }) => {
  const { referral, commit } = await referrals.receive(principal.partnerId, body);
  return {
    status: 201,
    auditPatientId: referral.patientId,
    auditTenantId: referral.tenantId,
    body: referralResource(referral),
    headers: { location: `/v1/referrals/${referral.id}`, etag: etag(referral.version) },
    commit,
  };
});
