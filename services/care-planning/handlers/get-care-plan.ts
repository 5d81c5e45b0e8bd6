import { getCarePlanRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { getCarePlan } from '../app/care-plan';
import { carePlanning } from '../runtime';

export const handler = httpHandler(
  carePlanning.runtime,
  getCarePlanRoute,
  async ({ principal, params, query }) => getCarePlan(carePlanning, principal, params.caseId, query.format),
);
