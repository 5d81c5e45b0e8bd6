import { tenantKey } from '@carelink/lambda-kit';

/**
 * Key design of the timeline table (every partition key starts with the tenant):
 * - identity  T#t#TIMELINE#patient / IDENTITY
 * - entry     T#t#TIMELINE#patient / ENTRY#<at>#<eventId>
 * - case      T#t#TIMELINE#patient / CASE#<caseId>
 * One partition per patient: the story reads in time order with one query.
 */
export const keys = {
  patient: (tenantId: string, patientId: string) => tenantKey(tenantId, 'TIMELINE', patientId),
  identity: (tenantId: string, patientId: string) => ({
    pk: keys.patient(tenantId, patientId),
    sk: 'IDENTITY',
  }),
  entry: (tenantId: string, patientId: string, at: string, eventId: string) => ({
    pk: keys.patient(tenantId, patientId),
    sk: `ENTRY#${at}#${eventId}`,
  }),
  case: (tenantId: string, patientId: string, caseId: string) => ({
    pk: keys.patient(tenantId, patientId),
    sk: `CASE#${caseId}`,
  }),
};
