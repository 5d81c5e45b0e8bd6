import { listCasesRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { listCases } from '../app/cases';
import { mapError } from '../app/map-error';
import { runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  listCasesRoute,
  async ({ principal, query }) => listCases(principal, query),
  { mapError },
);
