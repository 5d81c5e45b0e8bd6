import { tenantKey } from '@carelink/lambda-kit';

/**
 * Key design of the billing table (every partition key starts with the tenant):
 * - patient facts     T#t#BILLING-PATIENT#practice#patient  / FACTS
 * - claim subscriber  T#t#BILLING-PATIENT#practice#patient  / SUBSCRIBER
 * - ledger month      T#t#LEDGER#practice#month             / PATIENT#patient
 * - ledger entry      T#t#LEDGER#practice#month             / PATIENT#patient#ENTRY#entry
 * - entry pointer     T#t#TIME-ENTRY#entry                  / ENTRY
 * - run               T#t#RUN#run                           / RUN
 * - run patient-month T#t#RUN#run                           / PM#patient
 * - run claim line    T#t#RUN#run                           / LINE#patient#code (read only: runs
 *                     last written before claim lines lived on their patient-month)
 * - run of a month    T#t#RUN-MONTH#practice#month          / RUN-MONTH
 * One ledger partition per practice-month holds every patient's head followed by its entries, so a
 * run reads a month with one paginated query in patient order and checkpoints on a patient id.
 */
export const keys = {
  patientFacts: (tenantId: string, practiceId: string, patientId: string) => ({
    pk: tenantKey(tenantId, 'BILLING-PATIENT', practiceId, patientId),
    sk: 'FACTS',
  }),
  /** Who a claim for the patient names and who pays it (PHI: read only to write claims). */
  claimSubscriber: (tenantId: string, practiceId: string, patientId: string) => ({
    pk: tenantKey(tenantId, 'BILLING-PATIENT', practiceId, patientId),
    sk: 'SUBSCRIBER',
  }),
  ledgerPartition: (tenantId: string, practiceId: string, month: string) =>
    tenantKey(tenantId, 'LEDGER', practiceId, month),
  ledgerHead: (tenantId: string, practiceId: string, month: string, patientId: string) => ({
    pk: keys.ledgerPartition(tenantId, practiceId, month),
    sk: `PATIENT#${patientId}`,
  }),
  ledgerEntry: (tenantId: string, practiceId: string, month: string, patientId: string, entryId: string) => ({
    pk: keys.ledgerPartition(tenantId, practiceId, month),
    sk: `PATIENT#${patientId}#ENTRY#${entryId}`,
  }),
  /** Sorts after every item of `patientId` and before the next patient: where a resumed run starts. */
  afterPatient: (tenantId: string, practiceId: string, month: string, patientId: string) => ({
    pk: keys.ledgerPartition(tenantId, practiceId, month),
    sk: `PATIENT#${patientId}#~`,
  }),
  entryPointer: (tenantId: string, entryId: string) => ({
    pk: tenantKey(tenantId, 'TIME-ENTRY', entryId),
    sk: 'ENTRY',
  }),
  runPartition: (tenantId: string, runId: string) => tenantKey(tenantId, 'RUN', runId),
  run: (tenantId: string, runId: string) => ({ pk: keys.runPartition(tenantId, runId), sk: 'RUN' }),
  runPatientMonth: (tenantId: string, runId: string, patientId: string) => ({
    pk: keys.runPartition(tenantId, runId),
    sk: `PM#${patientId}`,
  }),
  runOfMonth: (tenantId: string, practiceId: string, month: string) => ({
    pk: tenantKey(tenantId, 'RUN-MONTH', practiceId, month),
    sk: 'RUN-MONTH',
  }),
};

/** The patient id of a ledger sort key (`PATIENT#id` or `PATIENT#id#ENTRY#...`). */
export const patientOfLedgerKey = (sk: string): string => sk.split('#')[1] ?? '';
