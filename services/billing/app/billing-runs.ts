import { commitTransaction, type PracticeDirectory, type ServiceRuntime } from '@carelink/lambda-kit';
import type { ServiceFamily } from '../domain/code-families';
import type { LedgerMonth } from '../domain/month-input';
import type { PatientFacts } from '../domain/patient-facts';
import {
  decidePatientMonth,
  type PatientMonthOutcome,
  type PatientMonthResult,
  type PracticeTerms,
} from '../domain/patient-month';
import { addToTally, emptyTally, type RunTally } from '../domain/run-tally';
import { keys } from '../store/keys';
import type { LedgerPage, LedgerReader } from '../store/ledger-reader';
import type { LockOwner, LockStore, LockTake } from '../store/lock-store';
import type { RunDifference, RunRecord, RunStore, RunTotals } from '../store/run-store';
import { billingRunCompleted, billingRunRequested } from './events';
import { type Practice, practiceLookup } from './practices';

export { NO_DIAGNOSIS_CODES } from '../domain/patient-month';

/** A worker holds a run this long without a checkpoint before another may resume it. */
export const LEASE_MS = 15 * 60 * 1000;
/**
 * A worker stops writing this long before its lease could have run out by its own clock (it renews
 * first), so a worker that stalled never writes over the one that took the run over.
 */
const LEASE_MARGIN_MS = 60 * 1000;
/** Ledger items read per page (heads and entries); the patient-months of a page are one batch. */
const PAGE_ITEMS = 1000;
/**
 * A worker with less time than this left after a checkpoint hands the attempt over (a batch takes a
 * few seconds), rather than being stopped by Lambda and leaving it for its lease to run out.
 */
export const HANDOVER_MARGIN_MS = 60 * 1000;
/** Patient-months decided between two looks at the event loop. */
const DECIDE_SLICE = 25;

/** Injection points for progress reporting and for failure tests. */
export interface RunHooks {
  /** After each batch's results are written, before its checkpoint, with the patient-months done so far. */
  afterBatch?: (processed: number) => void | Promise<void>;
  /** After each BatchWriteItem call of results, with the results of the batch written so far. */
  afterPut?: (written: number) => void | Promise<void>;
  /** After each batch checkpoint. */
  onProgress?: (progress: { processed: number }) => void;
}

export interface ExecuteRunInput {
  tenantId: string;
  runId: string;
  /** The attempt requested: a request for an attempt that completed or moved on executes nothing. */
  attempt: number;
  correlationId: string;
  hooks?: RunHooks;
  /** The time left to the invocation; the attempt is handed over when it runs short. */
  remainingMs?: () => number;
}

export interface ExecuteRunResult {
  /** The run as this call left it (undefined for an unknown run). */
  run: RunRecord | undefined;
  /** False when the attempt was not this worker's to execute. */
  executed: boolean;
}

export const formatCents = (cents: number): string =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

/** How this worker came to run the attempt. */
type AttemptStart = 'created' | 'next-attempt' | 'resumed';

/** One page's patient-months, read and decided (before any lock is taken). */
interface DecidedPage {
  page: LedgerPage;
  facts: Map<string, PatientFacts>;
  prior: Map<string, PatientMonthResult>;
  outcomes: PatientMonthOutcome[];
}

const lockId = (take: LockTake) => `${take.patientKey}#${take.family}`;

/**
 * The billing run use case: one run per practice-month, executed in batches of patient-months (a
 * ledger page each): their locks are taken, their results put (BatchWriteItem, idempotent), and a
 * checkpoint renews the lease. A run that dies resumes from its last checkpoint; the run is finished
 * by one transaction with its event.
 */
export function createBillingRuns(
  runtime: ServiceRuntime,
  ledger: LedgerReader,
  runs: RunStore,
  practices: PracticeDirectory,
  locks: LockStore,
) {
  const { logger } = runtime;
  const practiceFor = practiceLookup(practices);

  const termsOf = (practice: Practice): PracticeTerms => ({
    timeZone: practice.timeZone,
    careModel: practice.careModel,
    billingPractitionerNpi: practice.billingPractitionerNpi,
    monthlyDateOfService: practice.claims.monthlyDateOfService,
  });

  /** Reads a ledger page and what its decisions need. */
  async function readInputs(
    tenantId: string,
    run: RunRecord,
    startAfter: Record<string, unknown> | undefined,
    readPrior: boolean,
  ): Promise<Omit<DecidedPage, 'outcomes'>> {
    const page = await ledger.readPage(tenantId, run.practiceId, run.month, startAfter, PAGE_ITEMS);
    const ids = page.months.map((m) => m.patientId);
    const [facts, prior] = await Promise.all([
      ledger.batchGetFacts(tenantId, run.practiceId, ids),
      readPrior
        ? runs.batchGetPatientMonths(tenantId, run.runId, ids)
        : new Map<string, PatientMonthResult>(),
    ]);
    return { page, facts, prior };
  }

  /**
   * Decides every patient-month of a page, a slice at a time: between slices the responses of the
   * previous batch's writes are handled, so deciding uses the time the writes wait.
   */
  async function decidePage(
    run: RunRecord,
    practice: Practice,
    inputs: Omit<DecidedPage, 'outcomes'>,
  ): Promise<DecidedPage> {
    const terms = termsOf(practice);
    const outcomes: PatientMonthOutcome[] = [];
    for (const [index, month] of inputs.page.months.entries()) {
      if (index > 0 && index % DECIDE_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      outcomes.push(
        decidePatientMonth({
          month: run.month,
          attempt: run.attempt,
          practice: terms,
          ledger: month,
          facts: inputs.facts.get(month.patientId),
          prior: inputs.prior.get(month.patientId),
        }),
      );
    }
    return { ...inputs, outcomes };
  }

  /**
   * Writes one batch: takes the locks its results need (a patient whose family another organisation
   * holds is decided again without it), puts the results and lets go of the locks results no longer
   * need. A result that lets a lock go is committed with the release in one transaction, so a lock
   * is never released while a stored line still bills its family.
   *
   * `reconcile` is set for the first batch of a resumed attempt: the dead worker may have taken
   * locks for it and died before its results were written, so the locks are read and ours that no
   * result wants are let go.
   */
  async function writeBatch(
    tenantId: string,
    run: RunRecord,
    owner: string,
    practice: Practice,
    decided: DecidedPage,
    reconcile: boolean,
    hooks: RunHooks,
  ): Promise<PatientMonthResult[]> {
    const lockOwner: LockOwner = { tenantId, practiceId: practice.practiceId, runId: run.runId };
    const { page, facts, prior } = decided;
    const keyOf = (patientId: string) => facts.get(patientId)?.eligibility?.patientKey;
    let outcomes = decided.outcomes;
    const redecide = (index: number, held: ReadonlySet<ServiceFamily>) =>
      decidePatientMonth({
        month: run.month,
        attempt: run.attempt,
        practice: termsOf(practice),
        ledger: page.months[index] as LedgerMonth,
        facts: facts.get(outcomes[index]?.result.patientId ?? ''),
        prior: prior.get(outcomes[index]?.result.patientId ?? ''),
        heldElsewhere: held,
      });
    const ours = new Map<string, Set<ServiceFamily>>();
    if (reconcile) {
      const patientKeys = page.months.flatMap((m) => keyOf(m.patientId) ?? []);
      const holders = await locks.holders(patientKeys, run.month, lockOwner);
      for (const [key, families] of holders.ours) ours.set(key, families);
      outcomes = outcomes.map((outcome, index) => {
        const held = holders.elsewhere.get(keyOf(outcome.result.patientId) ?? '');
        return held ? redecide(index, held) : outcome;
      });
    }

    const takes = new Map<string, LockTake & { patients: number[] }>();
    outcomes.forEach((outcome, index) => {
      const patientKey = keyOf(outcome.result.patientId);
      if (!patientKey || !outcome.changed) return;
      for (const family of outcome.wanted) {
        if (ours.get(patientKey)?.has(family)) continue;
        const id = lockId({ patientKey, family });
        const take = takes.get(id) ?? { patientKey, family, patients: [] };
        take.patients.push(index);
        takes.set(id, take);
      }
    });
    if (takes.size > 0) {
      const elsewhere = await locks.takeAll(
        [...takes.values()],
        run.month,
        lockOwner,
        runs.leaseHeld(tenantId, run.runId, owner),
      );
      // Two runs at the same moment: whoever took a lock first bills that family.
      const heldFor = new Map<number, Set<ServiceFamily>>();
      for (const take of elsewhere) {
        for (const index of takes.get(lockId(take))?.patients ?? []) {
          heldFor.set(index, (heldFor.get(index) ?? new Set()).add(take.family));
        }
      }
      outcomes = outcomes.map((outcome, index) => {
        const held = heldFor.get(index);
        return held ? redecide(index, held) : outcome;
      });
    }

    const puts: PatientMonthResult[] = [];
    const withRelease: { result: PatientMonthResult; patientKey: string; families: ServiceFamily[] }[] = [];
    for (const outcome of outcomes) {
      const patientKey = keyOf(outcome.result.patientId);
      const wanted = new Set(outcome.wanted);
      const stale = [...(ours.get(patientKey ?? '') ?? [])].filter((family) => !wanted.has(family));
      const released = [...new Set([...outcome.released, ...stale])];
      if (patientKey && released.length > 0) {
        withRelease.push({ result: outcome.result, patientKey, families: released });
      } else if (outcome.changed) {
        puts.push(outcome.result);
      }
    }
    await runs.putPatientMonths(tenantId, run.runId, puts, hooks.afterPut);
    for (const { result, patientKey, families } of withRelease) {
      await runs.commitGuarded(tenantId, run.runId, owner, [
        runs.patientMonthPut(tenantId, run.runId, result),
        ...families.map((family) => locks.release(patientKey, run.month, family, lockOwner)),
      ]);
    }
    return outcomes.map((outcome) => outcome.result);
  }

  async function complete(
    tenantId: string,
    run: RunRecord,
    owner: string,
    tally: RunTally,
    correlationId: string,
  ) {
    const totals: RunTotals = {
      patientMonths: tally.patientMonths,
      billedPatients: tally.billedPatients,
      claimLines: tally.claimLines,
      expectedRevenue: formatCents(tally.expectedCents),
    };
    const difference: RunDifference = {
      added: tally.added,
      changed: tally.changed,
      superseded: tally.superseded,
    };
    await commitTransaction(
      runtime,
      {
        writes: [runs.completeWrite(tenantId, run.runId, owner, totals, difference, tally.patientMonths)],
        events: [billingRunCompleted(run, totals, difference)],
      },
      { tenantId, correlationId },
    );
    logger.info('billing run completed', {
      runId: run.runId,
      attempt: run.attempt,
      ...totals,
      ...difference,
    });
  }

  /**
   * Lets go of the attempt after a checkpoint and asks for it again in one transaction: the worker
   * that takes the request resumes it from that checkpoint.
   */
  async function handOver(tenantId: string, run: RunRecord, owner: string, correlationId: string) {
    await commitTransaction(
      runtime,
      { writes: [runs.releaseLease(tenantId, run.runId, owner)], events: [billingRunRequested(run)] },
      { tenantId, correlationId },
    );
    logger.info('billing run attempt handed over', { runId: run.runId, attempt: run.attempt });
  }

  /** Runs (or resumes) the attempt of `run` this worker holds the lease of. */
  async function runAttempt(
    tenantId: string,
    run: RunRecord,
    owner: string,
    correlationId: string,
    hooks: RunHooks,
    how: AttemptStart,
    remainingMs: () => number,
  ) {
    const practice = await practiceFor(tenantId, run.practiceId);
    let leaseUntil = runtime.clock().getTime() + LEASE_MS - LEASE_MARGIN_MS;
    // A run this worker just created has no results yet: nothing to compare with.
    const readPrior = how !== 'created';
    let reconcile = how === 'resumed';
    let tally = (run.checkpoint && run.tally) || emptyTally();
    logger.info('billing run attempt started', { runId: run.runId, attempt: run.attempt, how });
    const start = run.checkpoint
      ? keys.afterPatient(tenantId, run.practiceId, run.month, run.checkpoint)
      : undefined;
    let decided: DecidedPage | undefined = await decidePage(
      run,
      practice,
      await readInputs(tenantId, run, start, readPrior),
    );
    while (decided) {
      const { page }: DecidedPage = decided;
      // The next page is read before this batch is written (reads do not queue behind writes) and
      // decided while it is written.
      const following: Promise<DecidedPage> | undefined = page.lastKey
        ? decidePage(run, practice, await readInputs(tenantId, run, page.lastKey, readPrior))
        : undefined;
      following?.catch(() => undefined);
      const last = page.months.at(-1);
      if (last) {
        if (runtime.clock().getTime() >= leaseUntil) {
          const renewing = runtime.clock().getTime();
          await runs.renewLease(tenantId, run.runId, owner, LEASE_MS);
          leaseUntil = renewing + LEASE_MS - LEASE_MARGIN_MS;
        }
        const results = await writeBatch(tenantId, run, owner, practice, decided, reconcile, hooks);
        reconcile = false;
        tally = addToTally(tally, results, run.attempt, practice.feeBasis);
        await hooks.afterBatch?.(tally.patientMonths);
        const checkpointing = runtime.clock().getTime();
        await runs.checkpoint(tenantId, run.runId, owner, last.patientId, tally, LEASE_MS);
        leaseUntil = checkpointing + LEASE_MS - LEASE_MARGIN_MS;
        hooks.onProgress?.({ processed: tally.patientMonths });
        if (following && remainingMs() < HANDOVER_MARGIN_MS) {
          await handOver(tenantId, run, owner, correlationId);
          return (await runs.getRun(tenantId, run.runId)) as RunRecord;
        }
      }
      decided = await following;
    }
    await complete(tenantId, run, owner, tally, correlationId);
    return (await runs.getRun(tenantId, run.runId)) as RunRecord;
  }

  return {
    /**
     * Executes the requested attempt of a run when no worker holds it: a fresh attempt from its
     * start, one whose worker died from its last checkpoint. Nothing when the attempt completed,
     * moved on or another worker holds a live lease.
     */
    async execute(input: ExecuteRunInput): Promise<ExecuteRunResult> {
      const { tenantId, runId, attempt, correlationId } = input;
      const owner = runtime.newId();
      const claimed = await runs.claimRun(tenantId, runId, attempt, owner, LEASE_MS);
      if (!claimed) return { run: await runs.getRun(tenantId, runId), executed: false };
      const how: AttemptStart = claimed.resumed ? 'resumed' : attempt === 1 ? 'created' : 'next-attempt';
      return {
        run: await runAttempt(
          tenantId,
          claimed.run,
          owner,
          correlationId,
          input.hooks ?? {},
          how,
          input.remainingMs ?? (() => Number.POSITIVE_INFINITY),
        ),
        executed: true,
      };
    },
  };
}

export type BillingRuns = ReturnType<typeof createBillingRuns>;
