import { logContactAttemptRoute } from '@carelink/contracts/api/outreach/contacts';
import { created, httpHandler } from '@carelink/lambda-kit';
import { logContactAttempt } from '../app/contacts';
import { now, runtime, stores } from '../runtime';

export const handler = httpHandler(runtime, logContactAttemptRoute, async ({ params, body, principal }) => {
  const contactId = runtime.newId();
  const { view, commit } = await logContactAttempt(stores, principal, params.patientId, body, {
    contactId,
    flagId: runtime.newId(),
    now: now(),
  });
  return created(`/v1/patients/${params.patientId}/contact-attempts/${contactId}`, view, commit);
});
