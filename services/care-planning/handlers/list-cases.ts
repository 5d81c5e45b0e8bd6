import { listCasesRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { listCases } from '../app/cases';
import { carePlanning } from '../runtime';

export const handler = httpHandler(carePlanning.runtime, listCasesRoute, async ({ principal, query }) =>
  listCases(carePlanning, principal, query),
);
