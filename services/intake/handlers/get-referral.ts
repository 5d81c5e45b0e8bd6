import { getReferralRoute } from '@carelink/contracts/api/intake';
import { etag, httpHandler, ok } from '@carelink/lambda-kit';
import { ReferralNotFoundError } from '../domain/errors';
import { mapIntakeError } from '../http-errors';
import { referralResource } from '../presenters';
import { referrals, runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  getReferralRoute,
  async ({ params, principal }) => {
    const referral = await referrals.get(principal.tenantId, params.referralId);
    if (!referral) throw new ReferralNotFoundError('No such referral');
    return {
      ...ok(referralResource(referral), { etag: etag(referral.version) }),
      auditPatientId: referral.patientId,
    };
  },
  { mapError: mapIntakeError },
);
