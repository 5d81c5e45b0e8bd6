import { listConsentsRoute } from '@carelink/contracts/api/eligibility';
import { httpHandler, ok, requirePractice } from '@carelink/lambda-kit';
import { consentResource } from '../application/views';
import { mapError } from '../errors';
import { consentService, runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  listConsentsRoute,
  async ({ params, principal }) => {
    const actor = {
      tenantId: principal.tenantId,
      practiceId: requirePractice(principal),
      subject: principal.subject,
    };
    const items = await consentService.list(actor, params.patientId);
    return ok({ items: items.map(consentResource) });
  },
  { mapError },
);
