import type { PracticeDirectory, ServiceRuntime } from '@carelink/lambda-kit';
import { dueMonth } from '../domain/run-schedule';
import type { RunStore } from '../store/run-store';
import { heldByWorker, type RunRequests } from './run-requests';

export interface MonthlyRunOutcome {
  practiceId: string;
  month: string;
  outcome: 'started' | 'resumed' | 'running' | 'done' | 'failed';
  runId?: string;
}

/**
 * The hourly schedule: for every practice in the directory, the month that is due at 02:00 on the
 * 1st practice time gets its run requested if it has none, and a running attempt nobody holds (its
 * worker died) is requested again. Runs execute in the run worker, one practice each, so the
 * schedule's own work is a read per practice. Runs that completed are left alone (re-runs are
 * explicit).
 */
export function createMonthlyRunScheduler(
  runtime: ServiceRuntime,
  runs: RunStore,
  requests: RunRequests,
  practices: PracticeDirectory,
) {
  return async function runDueMonths(now: Date): Promise<MonthlyRunOutcome[]> {
    const outcomes: MonthlyRunOutcome[] = [];
    for (const practice of await practices.activePractices()) {
      const month = dueMonth(now, practice.timeZone);
      const base = { practiceId: practice.practiceId, month };
      try {
        const existing = await runs.findRunOfMonth(practice.tenantId, practice.practiceId, month);
        const held = existing !== undefined && heldByWorker(existing, runtime.clock().getTime());
        if (existing && (existing.status !== 'running' || held)) {
          outcomes.push({ ...base, outcome: held ? 'running' : 'done', runId: existing.runId });
          continue;
        }
        const { run } = await requests.request({
          tenantId: practice.tenantId,
          practiceId: practice.practiceId,
          month,
          trigger: 'schedule',
          correlationId: runtime.newId(),
        });
        outcomes.push({ ...base, outcome: existing ? 'resumed' : 'started', runId: run.runId });
      } catch (error) {
        runtime.logger.error('scheduled billing run request failed', { ...base, error: error as Error });
        outcomes.push({ ...base, outcome: 'failed' });
      }
    }
    return outcomes;
  };
}
