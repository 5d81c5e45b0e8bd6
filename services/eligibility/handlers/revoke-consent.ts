import { revokeConsentRoute } from '@carelink/contracts/api/eligibility';
import { httpHandler, requirePractice } from '@carelink/lambda-kit';
import { consentResource } from '../application/views';
import { mapError } from '../errors';
import { consentService, runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  revokeConsentRoute,
  async ({ params, body, principal }) => {
    const actor = {
      tenantId: principal.tenantId,
      practiceId: requirePractice(principal),
      subject: principal.subject,
    };
    const { consent, commit } = await consentService.revoke(actor, params.patientId, params.consentId, body);
    return { status: 200, body: consentResource(consent), commit };
  },
  { mapError },
);
