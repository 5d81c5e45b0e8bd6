import { putCarePlanRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { putCarePlan } from '../app/care-plan';
import { carePlanning } from '../runtime';

export const handler = httpHandler(
  carePlanning.runtime,
  putCarePlanRoute,
  async ({ principal, params, body, ifMatch }) =>
    putCarePlan(carePlanning, principal, params.caseId, body, ifMatch),
);
