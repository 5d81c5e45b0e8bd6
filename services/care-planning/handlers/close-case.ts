import { closeCaseRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { closeCaseFor } from '../app/cases';
import { mapError } from '../app/map-error';
import { runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  closeCaseRoute,
  async ({ principal, params, body }) => closeCaseFor(principal, params.caseId, body.reason),
  { mapError },
);
