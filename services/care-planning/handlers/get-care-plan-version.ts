import { getCarePlanVersionRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { getCarePlanVersion } from '../app/care-plan';
import { carePlanning } from '../runtime';

export const handler = httpHandler(
  carePlanning.runtime,
  getCarePlanVersionRoute,
  async ({ principal, params }) => getCarePlanVersion(carePlanning, principal, params.caseId, params.version),
);
