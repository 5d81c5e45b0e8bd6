import type { RunRecord, RunStore } from '../store/run-store';
import { RunNotFoundError } from './errors';
import type { StaffScope } from './staff-scope';

/** A run of the caller's practice; another practice's (or tenant's) run is not found. */
export const runOfCaller =
  (runs: RunStore) =>
  async (scope: StaffScope, runId: string): Promise<RunRecord> => {
    const run = await runs.getRun(scope.tenantId, runId);
    if (!run || run.practiceId !== scope.practiceId) throw new RunNotFoundError();
    return run;
  };
