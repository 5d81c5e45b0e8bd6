import { getAssessmentRoute } from '@carelink/contracts/api/care-planning/assessment';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { getAssessment } from '../app/cases';
import { carePlanning } from '../runtime';

export const handler = httpHandler(
  carePlanning.runtime,
  getAssessmentRoute,
  async ({ principal, params }) => {
    const { assessment, patientId } = await getAssessment(carePlanning, principal, params.caseId);
    return { ...ok(assessment), auditPatientId: patientId };
  },
);
