import { BillingRunCompletedV1 } from '@carelink/contracts';
import { emit } from '@carelink/lambda-kit';
import type { RunDifference, RunRecord, RunTotals } from '../store/run-store';

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
