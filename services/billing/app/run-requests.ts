import { monthOf } from '@carelink/calendar';
import { NotFoundError } from '@carelink/contracts';
import {
  ConflictError,
  commitTransaction,
  type PracticeDirectory,
  type ServiceRuntime,
  type StateWrite,
} from '@carelink/lambda-kit';
import { type RunRecord, RunRequestMovedError, type RunStore, type RunTrigger } from '../store/run-store';
import { MonthNotEndedError, RunFinalizedError } from './errors';
import { billingRunRequested } from './events';

export interface RunRequestInput {
  tenantId: string;
  practiceId: string;
  month: string;
  trigger: RunTrigger;
  correlationId: string;
}

export interface RunRequestResult {
  /** The run as the request left it: `running` unless nothing was asked for. */
  run: RunRecord;
  /** True when this call created the run. */
  created: boolean;
  /** True when an attempt was asked for (the run worker executes it); false while one is running. */
  requested: boolean;
}

/** Whether a worker holds the run's running attempt: its lease has not run out. */
export const heldByWorker = (run: RunRecord, now: number): boolean =>
  run.status === 'running' && (run.leaseUntil ?? 0) >= now;

/** Runs of the same month requested at the same moment: one request wins, the other reads again. */
const ATTEMPTS = 3;

/**
 * Asking for a billing run: the first request of a practice-month creates its run, a request after
 * it completed starts its next attempt, and a running attempt nobody holds (its worker died, or its
 * request was lost) is asked for again. Each request is a `BillingRunRequested` event committed with
 * the run's change; the run worker executes it. The run itself is never executed in the request, so
 * a practice of any size answers at once and a run outlives the request that asked for it.
 */
export function createRunRequests(runtime: ServiceRuntime, runs: RunStore, practices: PracticeDirectory) {
  const commit = (run: RunRecord, writes: StateWrite[], input: RunRequestInput) =>
    commitTransaction(
      runtime,
      { writes, events: [billingRunRequested(run)] },
      { tenantId: input.tenantId, correlationId: input.correlationId },
    );

  /** What every new attempt starts with: running, and not yet taken by a worker. */
  const freshAttempt = (trigger: RunTrigger) => ({
    status: 'running' as const,
    trigger,
    startedAt: runtime.clock().toISOString(),
    checkpoint: null,
    processedPatientMonths: 0,
    tally: null,
    leaseOwner: null,
    leaseUntil: 0,
    claimsPublishedThrough: null,
  });

  const firstAttempt = (input: RunRequestInput): RunRecord => ({
    runId: runtime.newId(),
    practiceId: input.practiceId,
    month: input.month,
    attempt: 1,
    completedAt: null,
    finalizedAt: null,
    totals: null,
    lastDifference: null,
    ...freshAttempt(input.trigger),
  });

  // Totals, the last difference and completion stay until the new attempt completes.
  const nextAttempt = (run: RunRecord, trigger: RunTrigger): RunRecord => ({
    ...run,
    attempt: run.attempt + 1,
    ...freshAttempt(trigger),
  });

  async function requestOnce(input: RunRequestInput): Promise<RunRequestResult> {
    const { tenantId, practiceId, month, trigger } = input;
    const existing = await runs.findRunOfMonth(tenantId, practiceId, month);
    if (!existing) {
      const run = firstAttempt(input);
      await commit(run, runs.newRun(tenantId, run), input);
      return { run, created: true, requested: true };
    }
    if (existing.status === 'finalized') throw new RunFinalizedError(existing.runId);
    if (existing.status === 'completed') {
      const run = nextAttempt(existing, trigger);
      await commit(run, [runs.nextAttempt(tenantId, existing, run)], input);
      return { run, created: false, requested: true };
    }
    if (heldByWorker(existing, runtime.clock().getTime())) {
      return { run: existing, created: false, requested: false };
    }
    // Nobody holds the attempt: ask again (the worker that takes it first executes it, once).
    await commit(existing, [], input);
    return { run: existing, created: false, requested: true };
  }

  return {
    async request(input: RunRequestInput): Promise<RunRequestResult> {
      const practice = await practices.practiceOf(input.tenantId, input.practiceId);
      if (!practice) throw new NotFoundError('Practice');
      if (input.month >= monthOf(runtime.clock().toISOString(), practice.timeZone)) {
        throw new MonthNotEndedError();
      }
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await requestOnce(input);
        } catch (error) {
          if (!(error instanceof RunRequestMovedError) || attempt >= ATTEMPTS) {
            throw error instanceof RunRequestMovedError
              ? new ConflictError('The billing run changed concurrently; retry the request')
              : error;
          }
        }
      }
    },
  };
}

export type RunRequests = ReturnType<typeof createRunRequests>;
