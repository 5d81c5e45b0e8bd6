import { getCaseRoute } from '@carelink/contracts/api/care-planning/cases';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { getCase } from '../app/cases';
import { carePlanning } from '../runtime';

export const handler = httpHandler(carePlanning.runtime, getCaseRoute, async ({ principal, params }) => {
  const { detail, patientId } = await getCase(carePlanning, principal, params.caseId);
  return { ...ok(detail), auditPatientId: patientId };
});
