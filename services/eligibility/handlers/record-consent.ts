import { recordConsentRoute } from '@carelink/contracts/api/eligibility';
import { created, httpHandler, requirePractice } from '@carelink/lambda-kit';
import { consentResource } from '../application/views';
import { mapError } from '../errors';
import { consentService, runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  recordConsentRoute,
  async ({ params, body, principal }) => {
    const actor = {
      tenantId: principal.tenantId,
      practiceId: requirePractice(principal),
      subject: principal.subject,
    };
    const { consent, commit } = await consentService.record(actor, params.patientId, body);
    return created(
      `/v1/patients/${params.patientId}/consents/${consent.consentId}`,
      consentResource(consent),
      commit,
    );
  },
  { mapError },
);
