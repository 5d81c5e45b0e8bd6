import { BillingRunCompletedV1, BillingRunRequestedV1, ClaimFinalizedV1 } from '@carelink/contracts';
import { emit } from '@carelink/lambda-kit';
import type { PatientMonthResult, RunDifference, RunRecord, RunTotals } from '../store/run-store';

/** A run attempt finished: its totals and how it differs from the attempt before (ids and counts only). */
export const billingRunCompleted = (run: RunRecord, totals: RunTotals, difference: RunDifference) =>
  emit(BillingRunCompletedV1, {
    runId: run.runId,
    practiceId: run.practiceId,
    month: run.month,
    patientMonths: totals.patientMonths,
    claimLines: totals.claimLines,
    expectedRevenue: totals.expectedRevenue,
    attempt: run.attempt,
    difference,
  });

/** A billed patient-month's active claim lines as the run is finalised (codes and units only); none when it bills nothing. */
export const claimFinalized = (run: RunRecord, result: PatientMonthResult) => {
  const lines = result.storedLines
    .filter((line) => line.status === 'active')
    .map(({ code, units }) => ({ code, units }));
  if (lines.length === 0 || result.holdReason) return undefined;
  return emit(ClaimFinalizedV1, {
    runId: run.runId,
    patientId: result.patientId,
    practiceId: run.practiceId,
    month: run.month,
    lines,
  });
};

/** A run attempt is asked for: the run worker executes it (ids only). */
export const billingRunRequested = (run: RunRecord) =>
  emit(BillingRunRequestedV1, {
    runId: run.runId,
    practiceId: run.practiceId,
    month: run.month,
    attempt: run.attempt,
  });
