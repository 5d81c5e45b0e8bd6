import type { PracticeDirectory, ServiceRuntime } from '@carelink/lambda-kit';
import { dueMonth } from '../domain/run-schedule';
import type { RunStore } from '../store/run-store';
import type { BillingRuns } from './billing-runs';

export interface MonthlyRunOutcome {
  practiceId: string;
  month: string;
  outcome: 'started' | 'resumed' | 'running' | 'done' | 'failed';
  runId?: string;
}

/**
 * The hourly schedule: for every practice in the directory, the month that is due at 02:00 on the
 * 1st practice time gets its run if it has none, and a run whose worker died (lease expired) is
 * resumed. Runs that completed are left alone (re-runs are explicit), so the hourly firing costs one
 * read per practice.
 */
export function createMonthlyRunScheduler(
  runtime: ServiceRuntime,
  runs: RunStore,
  billingRuns: BillingRuns,
  practices: PracticeDirectory,
) {
  return async function runDueMonths(now: Date): Promise<MonthlyRunOutcome[]> {
    const outcomes: MonthlyRunOutcome[] = [];
    for (const practice of await practices.activePractices()) {
      const month = dueMonth(now, practice.timeZone);
      const base = { practiceId: practice.practiceId, month };
      try {
        const existing = await runs.findRunOfMonth(practice.tenantId, practice.practiceId, month);
        const stale =
          existing?.status === 'running' && (existing.leaseUntil ?? 0) < runtime.clock().getTime();
        if (existing && !stale) {
          outcomes.push({
            ...base,
            outcome: existing.status === 'running' ? 'running' : 'done',
            runId: existing.runId,
          });
          continue;
        }
        const { run } = await billingRuns.start({
          tenantId: practice.tenantId,
          practiceId: practice.practiceId,
          month,
          trigger: 'schedule',
          correlationId: runtime.newId(),
        });
        outcomes.push({ ...base, outcome: existing ? 'resumed' : 'started', runId: run.runId });
      } catch (error) {
        runtime.logger.error('scheduled billing run failed', { ...base, error: error as Error });
        outcomes.push({ ...base, outcome: 'failed' });
      }
    }
    return outcomes;
  };
}
