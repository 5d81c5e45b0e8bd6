import { ReferralReceivedV1 } from '@carelink/contracts';
import { createReferralRoute } from '@carelink/contracts/api/intake';
import { emit, etag, ForbiddenError, httpHandler } from '@carelink/lambda-kit';
import { defaultPracticeOf } from '@carelink/tenancy';
import { eligibilityFacts, newReferral } from '../domain/referral';
import { mapIntakeError } from '../http-errors';
import { referralResource } from '../presenters';
import { statusChangedEvents } from '../referral-events';
import { referrals, runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  createReferralRoute,
  async ({ body, principal }) => {
    const practice = defaultPracticeOf(principal.tenantId);
    if (!practice) throw new ForbiddenError('This tenant has no practice to receive referrals');
    const existingPatientId = await referrals.patientIdOf(principal.tenantId, body.member.memberId);
    const referral = newReferral({
      id: runtime.newId(),
      tenantId: principal.tenantId,
      patientId: existingPatientId ?? runtime.newId(),
      practiceId: practice.practiceId,
      body,
      at: runtime.clock().toISOString(),
    });
    runtime.logger.info('referral received', { referralId: referral.id, patientId: referral.patientId });
    return {
      status: 201,
      auditPatientId: referral.patientId,
      body: referralResource(referral),
      headers: { location: `/v1/referrals/${referral.id}`, etag: etag(referral.version) },
      commit: {
        writes: referrals.create(referral, existingPatientId ? 'existing' : 'new'),
        events: [
          emit(ReferralReceivedV1, eligibilityFacts(referral), referral.version),
          ...statusChangedEvents(undefined, referral),
        ],
      },
    };
  },
  { mapError: mapIntakeError },
);
