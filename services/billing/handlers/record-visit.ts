import { recordVisitRoute } from '@carelink/contracts/api/billing/patient-months';
import { created, httpHandler } from '@carelink/lambda-kit';
import { staffScope } from '../app/staff-scope';
import { inputs, runtime } from '../runtime';

export const handler = httpHandler(runtime, recordVisitRoute, async ({ params, body, principal }) => {
  const { visit, commit } = await inputs.recordVisit(staffScope(principal), params.patientId, {
    visitId: runtime.newId(),
    ...body,
  });
  return {
    ...created(
      `/v1/billing/patients/${params.patientId}/visits/${visit.visitId}`,
      { ...visit, patientId: params.patientId },
      commit,
    ),
    auditPatientId: params.patientId,
  };
});
