import { listCasesRoute } from '@carelink/contracts/api/care-planning/cases';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { listCases } from '../app/cases';
import { carePlanning } from '../runtime';

export const handler = httpHandler(carePlanning.runtime, listCasesRoute, async ({ principal, query }) =>
  ok(await listCases(carePlanning, principal, query)),
);
