import { getEligibilityRoute } from '@carelink/contracts/api/eligibility';
import { httpHandler, ok, requirePractice } from '@carelink/lambda-kit';
import { PatientNotFoundError } from '../application/errors';
import { eligibilityResource } from '../application/views';
import { mapError } from '../errors';
import { patients, runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  getEligibilityRoute,
  async ({ params, principal }) => {
    const practiceId = requirePractice(principal);
    const state = await patients.load(principal.tenantId, params.patientId);
    const visible = state.referrals.filter((referral) => referral.practiceId === practiceId);
    if (visible.length === 0) throw new PatientNotFoundError();
    return ok(eligibilityResource(params.patientId, visible));
  },
  { mapError },
);
