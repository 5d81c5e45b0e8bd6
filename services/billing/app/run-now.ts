import type { RunRecord } from '../store/run-store';
import type { BillingRuns, RunHooks } from './billing-runs';
import type { RunRequestInput, RunRequests } from './run-requests';

export interface RunNowResult {
  run: RunRecord;
  /** True when this call created the run. */
  created: boolean;
  /** False when another worker holds the run (it is left to finish). */
  executed: boolean;
}

/**
 * Requests a run and executes it in this process, for the command line, tests and the benchmark:
 * whichever worker takes the attempt first executes it, so the request's event then finds it taken.
 */
export function createRunNow(requests: RunRequests, billingRuns: BillingRuns) {
  return async (input: RunRequestInput & { hooks?: RunHooks }): Promise<RunNowResult> => {
    const { run, created, requested } = await requests.request(input);
    if (!requested) return { run, created, executed: false };
    const executed = await billingRuns.execute({
      tenantId: input.tenantId,
      runId: run.runId,
      attempt: run.attempt,
      correlationId: input.correlationId,
      ...(input.hooks ? { hooks: input.hooks } : {}),
    });
    return { run: executed.run ?? run, created, executed: executed.executed };
  };
}
