import { getEligibilityRoute } from '@carelink/contracts/api/eligibility/determinations';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { staffActor } from '../app/staff-actor';
import { eligibilityResource } from '../app/views';
import { patientEligibility, runtime } from '../runtime';

export const handler = httpHandler(runtime, getEligibilityRoute, async ({ params, principal }) => {
  const referrals = await patientEligibility(staffActor(principal), params.patientId);
  return ok(eligibilityResource(params.patientId, referrals));
});
