import { submitScreeningRoute } from '@carelink/contracts/api/outreach/screenings';
import { created, httpHandler } from '@carelink/lambda-kit';
import { submitScreening } from '../app/clinical';
import { now, runtime, stores } from '../runtime';

export const handler = httpHandler(runtime, submitScreeningRoute, async ({ params, body, principal }) => {
  const screeningId = runtime.newId();
  const { view, commit } = await submitScreening(stores, principal, params.patientId, body, {
    screeningId,
    newId: runtime.newId,
    now: now(),
  });
  return created(`/v1/patients/${params.patientId}/screenings/${screeningId}`, view, commit);
});
