import { listConsentsRoute } from '@carelink/contracts/api/eligibility/consents';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { staffActor } from '../app/staff-actor';
import { consentResource } from '../app/views';
import { consents, runtime } from '../runtime';

export const handler = httpHandler(runtime, listConsentsRoute, async ({ params, principal }) => {
  const items = await consents.list(staffActor(principal), params.patientId);
  return ok({ items: items.map(consentResource) });
});
