import { listConsentsRoute } from '@carelink/contracts/api/eligibility';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { staffActor } from '../app/staff-actor';
import { consentResource } from '../app/views';
import { service } from '../runtime';

export const handler = httpHandler(service.runtime, listConsentsRoute, async ({ params, principal }) => {
  const items = await service.consents.list(staffActor(principal), params.patientId);
  return ok({ items: items.map(consentResource) });
});
