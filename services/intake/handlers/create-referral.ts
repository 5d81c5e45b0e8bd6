import { createReferralRoute } from '@carelink/contracts/api/intake';
import { etag, httpHandler } from '@carelink/lambda-kit';
import { referralResource } from '../app/views';
import { intake } from '../runtime';

export const handler = httpHandler(intake.runtime, createReferralRoute, async ({ body, principal }) => {
  const { referral, commit } = await intake.referrals.receive(principal.partnerId, body);
  return {
    status: 201,
    auditPatientId: referral.patientId,
    auditTenantId: referral.tenantId,
    body: referralResource(referral),
    headers: { location: `/v1/referrals/${referral.id}`, etag: etag(referral.version) },
    commit,
  };
});
