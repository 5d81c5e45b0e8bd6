import { recordObservationRoute } from '@carelink/contracts/api/outreach/vitals';
import { created, httpHandler } from '@carelink/lambda-kit';
import { recordObservation } from '../app/clinical';
import { now, runtime, stores } from '../runtime';

export const handler = httpHandler(runtime, recordObservationRoute, async ({ params, body, principal }) => {
  const observationId = runtime.newId();
  const { view, commit } = await recordObservation(stores, principal, params.patientId, body, {
    observationId,
    newId: runtime.newId,
    now: now(),
  });
  return created(`/v1/patients/${params.patientId}/observations/${observationId}`, view, commit);
});
