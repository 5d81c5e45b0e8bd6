import { putAssessmentRoute } from '@carelink/contracts/api/care-planning/assessment';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { putAssessment } from '../app/cases';
import { carePlanning } from '../runtime';

export const handler = httpHandler(
  carePlanning.runtime,
  putAssessmentRoute,
  async ({ principal, params, body }) => {
    const { assessment, commit } = await putAssessment(carePlanning, principal, params.caseId, body);
    return { ...ok(assessment), ...(commit ? { commit } : {}) };
  },
);
