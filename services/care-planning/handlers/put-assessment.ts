import { putAssessmentRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { putAssessment } from '../app/cases';
import { mapError } from '../app/map-error';
import { runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  putAssessmentRoute,
  async ({ principal, params, body }) => putAssessment(principal, params.caseId, body),
  { mapError },
);
