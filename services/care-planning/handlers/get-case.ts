import { getCaseRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { getCase } from '../app/cases';
import { mapError } from '../app/map-error';
import { runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  getCaseRoute,
  async ({ principal, params }) => getCase(principal, params.caseId),
  { mapError },
);
