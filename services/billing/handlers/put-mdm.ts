import { putMedicalDecisionMakingRoute } from '@carelink/contracts/api/billing';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { staffScope } from '../app/staff-scope';
import { billing, runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  putMedicalDecisionMakingRoute,
  async ({ params, body, principal }) =>
    ok(
      await billing.queries.setMedicalDecisionMaking(
        staffScope(principal),
        params.patientId,
        params.month,
        body.level,
      ),
    ),
);
