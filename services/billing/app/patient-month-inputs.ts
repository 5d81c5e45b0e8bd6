import {
  type Commit,
  NotFoundError,
  type PracticeDirectory,
  type ServiceRuntime,
  ValidationError,
} from '@carelink/lambda-kit';
import { applyVisitRecorded, type VisitFact } from '../domain/patient-facts';
import type { LedgerStore, LedgerView } from '../store/ledger-store';
import { scopedPracticeLookup } from './practices';
import type { StaffScope } from './staff-scope';

/** What the billing lead records on a patient-month besides time: MDM, codes billed elsewhere, visits. */
export function createPatientMonthInputs(
  runtime: ServiceRuntime,
  ledger: LedgerStore,
  practices: PracticeDirectory,
) {
  const practiceFor = scopedPracticeLookup(practices);

  /** Billing inputs are only kept for patients this practice has facts for (consent, plan, eligibility). */
  async function requireKnownPatient(tenantId: string, practiceId: string, patientId: string): Promise<void> {
    const { version } = await ledger.getFacts(tenantId, practiceId, patientId);
    if (version === 0) throw new NotFoundError('Patient');
  }

  return {
    async setMedicalDecisionMaking(
      scope: StaffScope,
      patientId: string,
      month: string,
      level: 'low' | 'moderate' | 'high',
    ): Promise<LedgerView> {
      const practice = await practiceFor(scope);
      await requireKnownPatient(scope.tenantId, practice.practiceId, patientId);
      return ledger.setHeadField(scope.tenantId, practice.practiceId, month, patientId, 'mdm', level);
    },

    /** Records a visit on the patient's billing facts; a visit cannot lie in the future. */
    async recordVisit(
      scope: StaffScope,
      patientId: string,
      visit: { visitId: string; practitionerNpi: string; kind: VisitFact['kind']; at: string },
    ): Promise<{ visit: VisitFact; commit: Commit }> {
      const practice = await practiceFor(scope);
      const { facts, version } = await ledger.getFacts(scope.tenantId, practice.practiceId, patientId);
      if (version === 0) throw new NotFoundError('Patient');
      if (Date.parse(visit.at) > runtime.clock().getTime())
        throw new ValidationError('A visit cannot be recorded before it happened', [
          { path: 'at', code: 'in_future' },
        ]);
      const next = applyVisitRecorded(facts, visit);
      return {
        visit,
        commit: {
          writes: [ledger.putFacts(scope.tenantId, practice.practiceId, patientId, next, version)],
          events: [],
        },
      };
    },

    async setOtherBilled(
      scope: StaffScope,
      patientId: string,
      month: string,
      codes: { code: string; practitionerId: string }[],
    ): Promise<LedgerView> {
      const practice = await practiceFor(scope);
      await requireKnownPatient(scope.tenantId, practice.practiceId, patientId);
      const sorted = [...codes].sort((a, b) =>
        a.code + a.practitionerId < b.code + b.practitionerId ? -1 : 1,
      );
      return ledger.setHeadField(
        scope.tenantId,
        practice.practiceId,
        month,
        patientId,
        'otherBilled',
        sorted,
      );
    },
  };
}

export type PatientMonthInputs = ReturnType<typeof createPatientMonthInputs>;
