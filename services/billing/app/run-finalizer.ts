import { commitTransaction, type ServiceRuntime } from '@carelink/lambda-kit';
import { keys } from '../store/keys';
import type { RunRecord, RunStore } from '../store/run-store';
import { claimFinalized } from './events';
import { runOfCaller } from './run-of-caller';
import type { StaffScope } from './staff-scope';

/** Patient-months whose claims one finalising transaction publishes, with the checkpoint (≤ 100 items). */
const CLAIMS_PER_COMMIT = 90;

/**
 * Finalises a completed run: first each billed patient-month's claim is published as
 * `ClaimFinalized` (a page of results at a time, each page's events committed with the run's
 * publication checkpoint, so a finaliser that stops resumes where it left off), then the run is
 * frozen. A re-run started meanwhile stops the publication; finalising again starts over. Apart from
 * the run itself so that the function that finalises does not carry the billing rules.
 */
export function createRunFinalizer(runtime: ServiceRuntime, runs: RunStore) {
  const runFor = runOfCaller(runs);

  async function publishClaims(tenantId: string, run: RunRecord, correlationId: string): Promise<void> {
    let through = run.claimsPublishedThrough;
    let start: Record<string, unknown> | undefined = through
      ? keys.runPatientMonth(tenantId, run.runId, through)
      : undefined;
    do {
      const page = await runs.pagePatientMonths(tenantId, run.runId, CLAIMS_PER_COMMIT, start);
      const last = page.items.at(-1);
      if (!last) break;
      await commitTransaction(
        runtime,
        {
          writes: [runs.claimsPublished(tenantId, run.runId, through, last.patientId)],
          events: page.items.flatMap((result) => {
            const claimed = claimFinalized(run, result);
            return claimed ? [claimed] : [];
          }),
        },
        { tenantId, correlationId },
      );
      through = last.patientId;
      start = page.lastKey;
    } while (start);
  }

  return {
    /** Finalises the caller's practice's run; another practice's run is not found. */
    async finalize(scope: StaffScope, runId: string, correlationId: string) {
      const run = await runFor(scope, runId);
      if (run.status === 'running') return { blocked: 'running' as const };
      if (run.status === 'completed') await publishClaims(scope.tenantId, run, correlationId);
      return runs.finalize(scope.tenantId, runId);
    },
  };
}

export type RunFinalizer = ReturnType<typeof createRunFinalizer>;
