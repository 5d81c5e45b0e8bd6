import { ReferralCancelledV1 } from '@carelink/contracts';
import { cancelReferralRoute } from '@carelink/contracts/api/intake';
import { emit, etag, httpHandler } from '@carelink/lambda-kit';
import { ReferralNotFoundError } from '../domain/errors';
import { cancel } from '../domain/referral';
import { mapIntakeError } from '../http-errors';
import { referralResource } from '../presenters';
import { statusChangedEvents } from '../referral-events';
import { referrals, runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  cancelReferralRoute,
  async ({ params, body, principal }) => {
    const referral = await referrals.get(principal.tenantId, params.referralId);
    if (!referral) throw new ReferralNotFoundError('No such referral');
    const cancelled = cancel(referral, body, runtime.clock().toISOString());
    runtime.logger.info('referral cancelled', { referralId: referral.id, reasonCode: body.reasonCode });
    return {
      status: 200,
      auditPatientId: cancelled.patientId,
      body: referralResource(cancelled),
      headers: { etag: etag(cancelled.version) },
      commit: {
        writes: [referrals.replace(cancelled, referral.version)],
        events: [
          emit(
            ReferralCancelledV1,
            { referralId: referral.id, patientId: referral.patientId, reasonCode: body.reasonCode },
            cancelled.version,
          ),
          ...statusChangedEvents(referral, cancelled),
        ],
      },
    };
  },
  { mapError: mapIntakeError },
);
