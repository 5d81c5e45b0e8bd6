import { ReferralUpdatedV1 } from '@carelink/contracts';
import { updateReferralRoute } from '@carelink/contracts/api/intake';
import { emit, etag, httpHandler } from '@carelink/lambda-kit';
import { ReferralNotFoundError, StaleVersionError } from '../domain/errors';
import { correct, updatedFacts } from '../domain/referral';
import { mapIntakeError } from '../http-errors';
import { referralResource } from '../presenters';
import { referrals, runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  updateReferralRoute,
  async ({ params, body, principal, ifMatch }) => {
    const referral = await referrals.get(principal.tenantId, params.referralId);
    if (!referral) throw new ReferralNotFoundError('No such referral');
    if (ifMatch !== referral.version) throw new StaleVersionError('If-Match is not the current version');
    const updated = correct(referral, body, runtime.clock().toISOString());
    runtime.logger.info('referral corrected', {
      referralId: updated.id,
      fields: Object.keys(body),
      version: updated.version,
    });
    return {
      status: 200,
      auditPatientId: updated.patientId,
      body: referralResource(updated),
      headers: { etag: etag(updated.version) },
      commit: {
        writes: [referrals.replace(updated, referral.version)],
        events: [emit(ReferralUpdatedV1, updatedFacts(updated), updated.version)],
      },
    };
  },
  { mapError: mapIntakeError },
);
