import type { RunRecord } from '../store/run-store';

/** A run as the API shows it (lease details stay inside). */
export const runView = (run: RunRecord) => ({
  runId: run.runId,
  practiceId: run.practiceId,
  month: run.month,
  status: run.status,
  attempt: run.attempt,
  trigger: run.trigger,
  startedAt: run.startedAt,
  completedAt: run.completedAt,
  finalizedAt: run.finalizedAt,
  processedPatientMonths: run.processedPatientMonths,
  totals: run.totals,
  lastDifference: run.lastDifference,
});
