import { putOtherBilledRoute } from '@carelink/contracts/api/billing';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { staffScope } from '../app/staff-scope';
import { billing, runtime } from '../runtime';

export const handler = httpHandler(runtime, putOtherBilledRoute, async ({ params, body, principal }) =>
  ok(await billing.queries.setOtherBilled(staffScope(principal), params.patientId, params.month, body.codes)),
);
