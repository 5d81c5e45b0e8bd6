import { decodeCursor, encodeCursor, type PracticeDirectory } from '@carelink/lambda-kit';
import { feeScheduleYear } from '../domain/fee-schedule';
import type { MonthDecision } from '../domain/rules';
import { summarizeMonth } from '../domain/summary';
import type { PatientMonthResult, RunRecord, RunStore } from '../store/run-store';
import { formatCents, NO_DIAGNOSIS_CODES } from './billing-runs';
import { RunNotFoundError } from './errors';
import { scopedPracticeLookup } from './practices';
import { runOfCaller } from './run-of-caller';
import type { StaffScope } from './staff-scope';

/** Read side of billing runs: the run, its summary and its audit packets; all practice-scoped. */
export function createRunQueries(runs: RunStore, practices: PracticeDirectory) {
  const practiceFor = scopedPracticeLookup(practices);
  const runFor = runOfCaller(runs);

  return {
    runFor,

    /** The caller's practice's run of a month, if any (there is at most one). */
    async runsOfMonth(scope: StaffScope, month: string): Promise<RunRecord[]> {
      const run = await runs.findRunOfMonth(scope.tenantId, scope.practiceId, month);
      return run ? [run] : [];
    },

    async summary(scope: StaffScope, runId: string) {
      const run = await runFor(scope, runId);
      const items = (await runs.readRunItems(
        scope.tenantId,
        run.runId,
        'PM#',
      )) as unknown as PatientMonthResult[];
      const decided = items.map((item) => ({
        patientId: item.patientId,
        decision: (item.holdReason
          ? { lines: [], reasons: [] }
          : { lines: item.lines, reasons: item.reasons }) as MonthDecision,
      }));
      const practice = await practiceFor(scope);
      const basis = practice.feeBasis;
      const summary = summarizeMonth(decided, basis);
      const held = items
        .filter((item) => item.holdReason)
        .map((item) => item.patientId)
        .sort();
      return {
        runId: run.runId,
        practiceId: run.practiceId,
        month: run.month,
        status: run.status,
        patients: summary.patients,
        billedPatients: summary.billedPatients,
        codes: summary.codes,
        expectedRevenue: formatCents(summary.expectedRevenueCents),
        fees: {
          year: feeScheduleYear,
          locality: basis.locality
            ? `${basis.locality.carrier}-${basis.locality.locality} ${basis.locality.name}`
            : null,
          facility: basis.facility,
        },
        notBilled: [
          ...summary.notBilled,
          ...(held.length > 0 ? [{ reason: NO_DIAGNOSIS_CODES, patientIds: held }] : []),
        ],
      };
    },

    async audit(scope: StaffScope, runId: string, limit: number, cursor: string | undefined) {
      const run = await runFor(scope, runId);
      const start = decodeCursor(scope.tenantId, cursor);
      if (start === null) throw new RunNotFoundError('Unknown cursor');
      const page = await runs.pagePatientMonths(scope.tenantId, run.runId, limit, start);
      const nextCursor = encodeCursor(scope.tenantId, page.lastKey);
      return {
        runId: run.runId,
        items: page.items.map((item) => ({
          patientId: item.patientId,
          lines: item.holdReason ? [] : item.lines,
          reasons: item.holdReason ? [item.holdReason] : item.reasons,
          consent: item.audit.consent,
          carePlan: item.audit.carePlan,
          eligibility: item.audit.eligibility,
          medicalDecisionMaking: item.medicalDecisionMaking,
          otherBilled: item.otherBilled,
          countedEntries: item.countedEntries,
          attempt: item.attempt,
        })),
        ...(nextCursor ? { nextCursor } : {}),
      };
    },
  };
}

export type RunQueries = ReturnType<typeof createRunQueries>;
