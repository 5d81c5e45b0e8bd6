import { putMedicalDecisionMakingRoute } from '@carelink/contracts/api/billing/patient-months';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { staffScope } from '../app/staff-scope';
import { inputs, runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  putMedicalDecisionMakingRoute,
  async ({ params, body, principal }) =>
    ok(
      await inputs.setMedicalDecisionMaking(
        staffScope(principal),
        params.patientId,
        params.month,
        body.level,
      ),
    ),
);
