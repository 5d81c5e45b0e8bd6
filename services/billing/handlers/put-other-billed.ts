import { putOtherBilledRoute } from '@carelink/contracts/api/billing/patient-months';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { staffScope } from '../app/staff-scope';
import { inputs, runtime } from '../runtime';

export const handler = httpHandler(runtime, putOtherBilledRoute, async ({ params, body, principal }) =>
  ok(await inputs.setOtherBilled(staffScope(principal), params.patientId, params.month, body.codes)),
);
