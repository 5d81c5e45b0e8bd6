import { listCarePlanVersionsRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { listCarePlanVersions } from '../app/care-plan';
import { carePlanning } from '../runtime';

export const handler = httpHandler(
  carePlanning.runtime,
  listCarePlanVersionsRoute,
  async ({ principal, params }) => listCarePlanVersions(carePlanning, principal, params.caseId),
);
