import { putCarePlanRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { putCarePlan } from '../app/care-plan';
import { mapError } from '../app/map-error';
import { runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  putCarePlanRoute,
  async ({ principal, params, body, ifMatch }) => putCarePlan(principal, params.caseId, body, ifMatch),
  { mapError },
);
