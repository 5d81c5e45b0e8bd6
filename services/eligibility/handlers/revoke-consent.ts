import { revokeConsentRoute } from '@carelink/contracts/api/eligibility';
import { httpHandler } from '@carelink/lambda-kit';
import { mapError } from '../app/map-error';
import { staffActor } from '../app/staff-actor';
import { consentResource } from '../app/views';
import { service } from '../runtime';

export const handler = httpHandler(
  service.runtime,
  revokeConsentRoute,
  async ({ params, body, principal }) => {
    const { consent, commit } = await service.consents.revoke(
      staffActor(principal),
      params.patientId,
      params.consentId,
      body,
    );
    return { status: 200, body: consentResource(consent), commit };
  },
  { mapError },
);
