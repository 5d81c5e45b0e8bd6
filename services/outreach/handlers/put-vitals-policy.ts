import { putVitalsPolicyRoute } from '@carelink/contracts/api/outreach/vitals';
import { httpHandler } from '@carelink/lambda-kit';
import { setVitalsPolicy } from '../app/clinical';
import { now, runtime, stores } from '../runtime';

export const handler = httpHandler(runtime, putVitalsPolicyRoute, async ({ params, body, principal }) => {
  const commit = await setVitalsPolicy(stores, principal, params.patientId, body, now());
  return { status: 200, body, commit };
});
