import { recordConsentRoute } from '@carelink/contracts/api/eligibility/consents';
import { created, httpHandler } from '@carelink/lambda-kit';
import { mapError } from '../app/map-error';
import { staffActor } from '../app/staff-actor';
import { consentResource } from '../app/views';
import { consents, runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  recordConsentRoute,
  async ({ params, body, principal }) => {
    const { consent, commit } = await consents.record(staffActor(principal), params.patientId, body);
    return created(
      `/v1/patients/${params.patientId}/consents/${consent.consentId}`,
      consentResource(consent),
      commit,
    );
  },
  { mapError },
);
