import { revokeConsentRoute } from '@carelink/contracts/api/eligibility/consents';
import { httpHandler } from '@carelink/lambda-kit';
import { mapError } from '../app/map-error';
import { staffActor } from '../app/staff-actor';
import { consentResource } from '../app/views';
import { consents, runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  revokeConsentRoute,
  async ({ params, body, principal }) => {
    const { consent, commit } = await consents.revoke(
      staffActor(principal),
      params.patientId,
      params.consentId,
      body,
    );
    return { status: 200, body: consentResource(consent), commit };
  },
  { mapError },
);
