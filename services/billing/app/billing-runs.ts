import { createHash } from 'node:crypto';
import { monthOf } from '@carelink/calendar';
import {
  commitTransaction,
  type PracticeDirectory,
  type ServiceRuntime,
  type StateWrite,
} from '@carelink/lambda-kit';
import { familyOf, type ServiceFamily, withoutLockedFamilies } from '../domain/code-families';
import { feeCents } from '../domain/fee-schedule';
import { planLines, type StoredLine } from '../domain/line-plan';
import { buildMonthInput, countedEntries, type LedgerMonth } from '../domain/month-input';
import { emptyPatientFacts, type PatientFacts } from '../domain/patient-facts';
import { decideMonth, decideTcm, type MonthDecision, type TcmDecision } from '../domain/rules';
import { monthlyDateOfService } from '../domain/service-date';
import { buildTcmInput } from '../domain/tcm-input';
import { keys } from '../store/keys';
import type { LedgerStore } from '../store/ledger-store';
import { type LockOwner, type LockStore, LockTakenError } from '../store/lock-store';
import type {
  PatientMonthResult,
  RunDifference,
  RunRecord,
  RunStore,
  RunTotals,
  RunTrigger,
} from '../store/run-store';
import { MonthNotEndedError, RunFinalizedError } from './errors';
import { billingRunCompleted } from './events';
import { type Practice, practiceLookup } from './practices';

/** Held back when the rules bill a month but the claim would have no diagnosis. */
export const NO_DIAGNOSIS_CODES = 'NO_DIAGNOSIS_CODES';

/** A worker holds a run this long without a checkpoint before another may resume it. */
export const LEASE_MS = 15 * 60 * 1000;
/** Ledger items read per page (heads and entries). */
const PAGE_ITEMS = 1000;
/** Items per transaction, the lease guard included (DynamoDB allows 100). */
const MAX_TRANSACTION_ITEMS = 100;
/** Transactions in flight per page. */
const COMMIT_CONCURRENCY = 6;

/** Injection points for progress reporting and for failure tests. */
export interface RunHooks {
  /** After each committed batch, with the number of patient-months done in this attempt so far. */
  afterBatch?: (processed: number) => void | Promise<void>;
  /** After each page checkpoint. */
  onProgress?: (progress: { processed: number }) => void;
}

export interface StartRunInput {
  tenantId: string;
  practiceId: string;
  month: string;
  trigger: RunTrigger;
  correlationId: string;
  hooks?: RunHooks;
}

export interface StartRunResult {
  run: RunRecord;
  /** True when this call created the run. */
  created: boolean;
  /** False when another worker holds the run (it is left to finish). */
  executed: boolean;
}

export const formatCents = (cents: number): string =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

const stableStringify = (value: unknown): string => JSON.stringify(value);
const fingerprintOf = (value: unknown): string =>
  createHash('sha256').update(stableStringify(value)).digest('base64url');

/**
 * The billing run use case: one run per practice-month, resumable from its checkpoint, idempotent
 * per patient-month and per claim line, finished by one transaction with its event.
 */
/**
 * The month's decision with a TCM line added (CMS allows TCM and CCM in the same month); a month
 * that bills TCM alone reports no time-based reasons.
 */
function withTcm(decision: MonthDecision, tcm: TcmDecision | undefined): MonthDecision {
  if (!tcm || tcm.lines.length === 0) return decision;
  const lines = [...decision.lines, ...tcm.lines.map(({ code, units }) => ({ code, units }))].sort((a, b) =>
    a.code < b.code ? -1 : 1,
  );
  return { lines, reasons: [] };
}

export function createBillingRuns(
  runtime: ServiceRuntime,
  ledger: LedgerStore,
  runs: RunStore,
  practices: PracticeDirectory,
  locks: LockStore,
) {
  const { logger } = runtime;
  const practiceFor = practiceLookup(practices);

  function decide(
    practice: Practice,
    month: string,
    ledgerMonth: LedgerMonth,
    facts: PatientFacts | undefined,
    heldElsewhere: ReadonlySet<ServiceFamily> = new Set(),
  ) {
    const { input, audit } = buildMonthInput({
      month,
      timeZone: practice.timeZone,
      careModel: practice.careModel,
      billingPractitionerId: practice.billingPractitionerNpi,
      facts: facts ?? { consents: [], carePlans: [], eligibility: null },
      ledger: ledgerMonth,
    });
    const tcmInput = buildTcmInput({
      month,
      timeZone: practice.timeZone,
      facts: facts ?? emptyPatientFacts(),
      medicalDecisionMaking: ledgerMonth.medicalDecisionMaking,
    });
    const tcm = tcmInput ? decideTcm(tcmInput) : undefined;
    const decision = withoutLockedFamilies(withTcm(decideMonth(input), tcm), month, heldElsewhere);
    if (tcm) audit.tcm = { dischargeDate: facts?.eligibility?.tcm?.dischargeDate ?? '', ...tcm };
    const holdReason =
      decision.lines.length > 0 && audit.diagnosisCodes.length === 0 ? NO_DIAGNOSIS_CODES : null;
    return { input, audit, decision, holdReason };
  }

  /** The writes one patient-month needs in this attempt (none when nothing changed). */
  function decidePatient(
    tenantId: string,
    run: RunRecord,
    practice: Practice,
    ledgerMonth: LedgerMonth,
    facts: PatientFacts | undefined,
    prior: PatientMonthResult | undefined,
    heldElsewhere: ReadonlySet<ServiceFamily>,
  ): StateWrite[] {
    const { input, audit, decision, holdReason } = decide(
      practice,
      run.month,
      ledgerMonth,
      facts,
      heldElsewhere,
    );
    const counted = countedEntries(input, ledgerMonth.entries);
    const claimable = holdReason ? [] : decision.lines;
    const serviceDate = monthlyDateOfService({
      policy: practice.claims.monthlyDateOfService,
      month: run.month,
      timeZone: practice.timeZone,
      lines: claimable,
      counted,
    });
    const fingerprint = fingerprintOf({
      lines: decision.lines,
      reasons: decision.reasons,
      holdReason,
      audit,
      counted,
      mdm: ledgerMonth.medicalDecisionMaking,
      otherBilled: ledgerMonth.otherBilled,
      serviceDate,
    });
    if (prior && prior.fingerprint === fingerprint) return [];
    const storedBefore = prior?.storedLines ?? [];
    const plan = planLines(storedBefore, claimable);
    // New diagnoses or a new date rewrite every line of the claim, not only those whose units changed.
    if (
      prior &&
      (stableStringify(prior.audit.diagnosisCodes) !== stableStringify(audit.diagnosisCodes) ||
        (prior.serviceDate ?? serviceDate) !== serviceDate)
    ) {
      plan.changed.push(...plan.unchanged);
      plan.unchanged = [];
    }
    const claimableCodes = new Set(claimable.map((l) => l.code));
    const storedLines: StoredLine[] = [
      ...claimable.map((l) => ({ code: l.code, units: l.units, status: 'active' as const })),
      ...storedBefore
        .filter((l) => !claimableCodes.has(l.code))
        .map((l) => ({ code: l.code, units: l.units, status: 'superseded' as const })),
    ].sort((a, b) => (a.code < b.code ? -1 : 1));
    const result: PatientMonthResult = {
      patientId: ledgerMonth.patientId,
      lines: decision.lines,
      reasons: decision.reasons,
      holdReason,
      audit,
      countedEntries: counted,
      medicalDecisionMaking: ledgerMonth.medicalDecisionMaking,
      otherBilled: ledgerMonth.otherBilled,
      storedLines,
      fingerprint,
      serviceDate,
      attempt: run.attempt,
    };
    const lockWrites = lockChanges(
      facts?.eligibility?.patientKey,
      run,
      { tenantId, practiceId: practice.practiceId, runId: run.runId },
      storedBefore.filter((l) => l.status === 'active'),
      claimable,
    );
    return [
      ...lockWrites,
      ...runs.patientMonthWrites(tenantId, run, result, plan, {
        npi: practice.billingPractitionerNpi,
        dateOfService: serviceDate,
        datesOfService: Object.fromEntries((audit.tcm?.lines ?? []).map((l) => [l.code, l.dateOfService])),
        diagnosisCodes: audit.diagnosisCodes,
      }),
    ];
  }

  /**
   * The patient-month locks a decision needs: each family it bills is taken (or kept) in the same
   * transaction as its claim lines; a family a re-run no longer bills is let go. Without a patient
   * key (a referral from before keys were shared) there is nothing to lock on.
   */
  function lockChanges(
    patientKey: string | undefined,
    run: RunRecord,
    owner: LockOwner,
    before: readonly { code: string }[],
    now: readonly { code: string }[],
  ): StateWrite[] {
    if (!patientKey) return [];
    const families = (lines: readonly { code: string }[]) =>
      new Set(
        lines.map((l) => familyOf(l.code, run.month)).filter((f): f is ServiceFamily => f !== undefined),
      );
    const wanted = families(now);
    const dropped = [...families(before)].filter((family) => !wanted.has(family));
    return [
      ...[...wanted].map((family) => locks.take(patientKey, run.month, family, owner)),
      ...dropped.map((family) => locks.release(patientKey, run.month, family, owner)),
    ];
  }

  async function processPage(
    tenantId: string,
    run: RunRecord,
    owner: string,
    practice: Practice,
    months: readonly LedgerMonth[],
    processedBefore: number,
    hooks: RunHooks,
  ): Promise<void> {
    const ids = months.map((m) => m.patientId);
    const [facts, previous] = await Promise.all([
      ledger.batchGetFacts(tenantId, practice.practiceId, ids),
      runs.batchGetPatientMonths(tenantId, run.runId, ids),
    ]);
    const patientKeys = [...facts.values()].flatMap((f) =>
      f.eligibility?.patientKey ? [f.eligibility.patientKey] : [],
    );
    const held = await locks.heldElsewhere(patientKeys, run.month, {
      tenantId,
      practiceId: practice.practiceId,
    });
    const heldFor = (patientId: string): ReadonlySet<ServiceFamily> => {
      const key = facts.get(patientId)?.eligibility?.patientKey;
      return (key && held.get(key)) || new Set();
    };
    const batches: { writes: StateWrite[]; upTo: number }[] = [];
    let batch: StateWrite[] = [];
    for (const [index, ledgerMonth] of months.entries()) {
      const writes = decidePatient(
        tenantId,
        run,
        practice,
        ledgerMonth,
        facts.get(ledgerMonth.patientId),
        previous.get(ledgerMonth.patientId),
        heldFor(ledgerMonth.patientId),
      );
      if (writes.length === 0) continue;
      if (batch.length + writes.length + 1 > MAX_TRANSACTION_ITEMS) {
        batches.push({ writes: batch, upTo: processedBefore + index });
        batch = [];
      }
      batch.push(...writes);
    }
    if (batch.length > 0) batches.push({ writes: batch, upTo: processedBefore + months.length });
    // Batches touch different patient-months, so they commit in parallel; the page's checkpoint
    // is written only once all of them are in.
    const queue = [...batches];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        await runs.commitGuarded(tenantId, run.runId, owner, next.writes);
        await hooks.afterBatch?.(next.upTo);
      }
    };
    await Promise.all(Array.from({ length: COMMIT_CONCURRENCY }, worker));
  }

  /**
   * Another organisation took a patient-month lock between this page's read and its write (two runs
   * at the same moment): the page is decided again, now seeing the lock, and gives that patient
   * `BILLED_ELSEWHERE`. Batches already written are unchanged on the second pass.
   */
  async function withLockRetries(processOnce: () => Promise<void>, attempts = 3): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await processOnce();
      } catch (error) {
        if (!(error instanceof LockTakenError) || attempt >= attempts) throw error;
        logger.info('a patient-month lock was taken meanwhile; deciding the page again', { attempt });
      }
    }
  }

  async function complete(
    tenantId: string,
    run: RunRecord,
    practice: Practice,
    owner: string,
    processed: number,
    correlationId: string,
  ) {
    const [patientMonths, lines] = await Promise.all([
      runs.readRunItems(tenantId, run.runId, 'PM#', ['patientId']),
      runs.readRunItems(tenantId, run.runId, 'LINE#', [
        'patientId',
        'code',
        'units',
        'status',
        'lastAction',
        'lastActionAttempt',
      ]),
    ]);
    const active = lines.filter((line) => line.status === 'active');
    const cents = active.reduce(
      (sum, line) => sum + feeCents(String(line.code), practice.feeBasis) * Number(line.units),
      0,
    );
    const totals: RunTotals = {
      patientMonths: patientMonths.length,
      billedPatients: new Set(active.map((line) => String(line.patientId))).size,
      claimLines: active.length,
      expectedRevenue: formatCents(cents),
    };
    const difference: RunDifference = { added: 0, changed: 0, superseded: 0 };
    for (const line of lines) {
      if (line.lastActionAttempt === run.attempt) difference[line.lastAction as keyof RunDifference] += 1;
    }
    await commitTransaction(
      runtime,
      {
        writes: [runs.completeWrite(tenantId, run.runId, owner, totals, difference, processed)],
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

  /** Runs (or resumes) the attempt of `run` this worker holds the lease of. */
  async function execute(
    tenantId: string,
    run: RunRecord,
    owner: string,
    correlationId: string,
    hooks: RunHooks,
  ) {
    const practice = await practiceFor(tenantId, run.practiceId);
    let startAfter: Record<string, unknown> | undefined = run.checkpoint
      ? keys.afterPatient(tenantId, run.practiceId, run.month, run.checkpoint)
      : undefined;
    let processed = run.checkpoint ? run.processedPatientMonths : 0;
    logger.info('billing run attempt started', {
      runId: run.runId,
      attempt: run.attempt,
      resumed: Boolean(run.checkpoint),
    });
    for (;;) {
      const page = await ledger.readPage(tenantId, run.practiceId, run.month, startAfter, PAGE_ITEMS);
      const last = page.months.at(-1);
      if (last) {
        await withLockRetries(() =>
          processPage(tenantId, run, owner, practice, page.months, processed, hooks),
        );
        processed += page.months.length;
        await runs.checkpoint(tenantId, run.runId, owner, last.patientId, processed, LEASE_MS);
        hooks.onProgress?.({ processed });
      }
      if (!page.lastKey) break;
      startAfter = page.lastKey;
    }
    await complete(tenantId, run, practice, owner, processed, correlationId);
    return (await runs.getRun(tenantId, run.runId)) as RunRecord;
  }

  return {
    /**
     * Starts the run of a practice-month, or the next attempt of its unfinalised run, or resumes an
     * attempt whose worker died. A run another worker is executing is returned as it is.
     */
    async start(input: StartRunInput): Promise<StartRunResult> {
      const { tenantId, practiceId, month, trigger, correlationId } = input;
      const hooks = input.hooks ?? {};
      const practice = await practiceFor(tenantId, practiceId);
      if (month >= monthOf(runtime.clock().toISOString(), practice.timeZone)) {
        throw new MonthNotEndedError();
      }
      const owner = runtime.newId();
      let existing = await runs.findRunOfMonth(tenantId, practiceId, month);
      if (!existing) {
        const now = runtime.clock();
        const run: RunRecord = {
          runId: runtime.newId(),
          practiceId,
          month,
          status: 'running',
          attempt: 1,
          trigger,
          startedAt: now.toISOString(),
          completedAt: null,
          finalizedAt: null,
          checkpoint: null,
          processedPatientMonths: 0,
          leaseOwner: owner,
          leaseUntil: now.getTime() + LEASE_MS,
          totals: null,
          lastDifference: null,
        };
        if (await runs.createRun(tenantId, run)) {
          return {
            run: await execute(tenantId, run, owner, correlationId, hooks),
            created: true,
            executed: true,
          };
        }
        existing = await runs.findRunOfMonth(tenantId, practiceId, month);
        if (!existing) throw new Error('run of month vanished');
      }
      if (existing.status === 'finalized') throw new RunFinalizedError(existing.runId);
      const claimed = await runs.claimRun(tenantId, existing.runId, owner, LEASE_MS, trigger);
      if (!claimed) {
        const current = (await runs.getRun(tenantId, existing.runId)) ?? existing;
        if (current.status === 'finalized') throw new RunFinalizedError(current.runId);
        return { run: current, created: false, executed: false };
      }
      return {
        run: await execute(tenantId, claimed, owner, correlationId, hooks),
        created: false,
        executed: true,
      };
    },

    async finalize(tenantId: string, runId: string) {
      return runs.finalize(tenantId, runId);
    },
  };
}

export type BillingRuns = ReturnType<typeof createBillingRuns>;
