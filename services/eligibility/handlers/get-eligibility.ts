import { getEligibilityRoute } from '@carelink/contracts/api/eligibility';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { staffActor } from '../app/staff-actor';
import { eligibilityResource } from '../app/views';
import { service } from '../runtime';

export const handler = httpHandler(service.runtime, getEligibilityRoute, async ({ params, principal }) => {
  const referrals = await service.patientEligibility(staffActor(principal), params.patientId);
  return ok(eligibilityResource(params.patientId, referrals));
});
