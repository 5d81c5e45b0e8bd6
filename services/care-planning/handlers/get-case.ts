import { getCaseRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { getCase } from '../app/cases';
import { carePlanning } from '../runtime';

export const handler = httpHandler(carePlanning.runtime, getCaseRoute, async ({ principal, params }) =>
  getCase(carePlanning, principal, params.caseId),
);
