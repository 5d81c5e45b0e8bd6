import { monthOf } from '@carelink/calendar';
import {
  type Commit,
  decodeCursor,
  encodeCursor,
  NotFoundError,
  type PracticeDirectory,
  type ServiceRuntime,
  ValidationError,
} from '@carelink/lambda-kit';
import { feeScheduleYear } from '../domain/fee-schedule';
import { buildMonthInput } from '../domain/month-input';
import { applyVisitRecorded, type VisitFact } from '../domain/patient-facts';
import { countedMinutes, type MonthDecision } from '../domain/rules';
import { summarizeMonth } from '../domain/summary';
import { type ThresholdStatus, thresholdWorklist } from '../domain/threshold-worklist';
import type { LedgerStore, LedgerView } from '../store/ledger-store';
import type { PatientMonthResult, RunRecord, RunStore } from '../store/run-store';
import { formatCents, NO_DIAGNOSIS_CODES } from './billing-runs';
import { RunNotFoundError } from './errors';
import { practiceLookup } from './practices';
import { runOfCaller } from './run-of-caller';

/** The caller as billing sees it: a tenant and the practice the staff member works for. */
export interface StaffScope {
  tenantId: string;
  practiceId: string;
}

/** Read side of billing: runs, summaries, audit packets, the worklist; all practice-scoped. */
export function createBillingQueries(
  runtime: ServiceRuntime,
  ledger: LedgerStore,
  runs: RunStore,
  practices: PracticeDirectory,
) {
  const lookup = practiceLookup(practices);
  const practiceFor = (scope: StaffScope) => lookup(scope.tenantId, scope.practiceId);

  /** Billing inputs are only kept for patients this practice has facts for (consent, plan, eligibility). */
  async function requireKnownPatient(tenantId: string, practiceId: string, patientId: string): Promise<void> {
    const { version } = await ledger.getFacts(tenantId, practiceId, patientId);
    if (version === 0) throw new NotFoundError('Patient');
  }

  const runFor = runOfCaller(runs);

  return {
    runFor,

    /** The caller's practice's run of a month, if any (there is at most one). */
    async runsOfMonth(scope: StaffScope, month: string): Promise<RunRecord[]> {
      const run = await runs.findRunOfMonth(scope.tenantId, scope.practiceId, month);
      return run ? [run] : [];
    },

    async summary(scope: StaffScope, runId: string) {
      const run = await runFor(scope, runId);
      const items = (await runs.readRunItems(
        scope.tenantId,
        run.runId,
        'PM#',
      )) as unknown as PatientMonthResult[];
      const decided = items.map((item) => ({
        patientId: item.patientId,
        decision: (item.holdReason
          ? { lines: [], reasons: [] }
          : { lines: item.lines, reasons: item.reasons }) as MonthDecision,
      }));
      const practice = await practiceFor(scope);
      const basis = practice.feeBasis;
      const summary = summarizeMonth(decided, basis);
      const held = items
        .filter((item) => item.holdReason)
        .map((item) => item.patientId)
        .sort();
      return {
        runId: run.runId,
        practiceId: run.practiceId,
        month: run.month,
        status: run.status,
        patients: summary.patients,
        billedPatients: summary.billedPatients,
        codes: summary.codes,
        expectedRevenue: formatCents(summary.expectedRevenueCents),
        fees: {
          year: feeScheduleYear,
          locality: basis.locality
            ? `${basis.locality.carrier}-${basis.locality.locality} ${basis.locality.name}`
            : null,
          facility: basis.facility,
        },
        notBilled: [
          ...summary.notBilled,
          ...(held.length > 0 ? [{ reason: NO_DIAGNOSIS_CODES, patientIds: held }] : []),
        ],
      };
    },

    async audit(scope: StaffScope, runId: string, limit: number, cursor: string | undefined) {
      const run = await runFor(scope, runId);
      const start = decodeCursor(scope.tenantId, cursor);
      if (start === null) throw new RunNotFoundError('Unknown cursor');
      const page = await runs.pagePatientMonths(scope.tenantId, run.runId, limit, start);
      const nextCursor = encodeCursor(scope.tenantId, page.lastKey);
      return {
        runId: run.runId,
        items: page.items.map((item) => ({
          patientId: item.patientId,
          lines: item.holdReason ? [] : item.lines,
          reasons: item.holdReason ? [item.holdReason] : item.reasons,
          consent: item.audit.consent,
          carePlan: item.audit.carePlan,
          eligibility: item.audit.eligibility,
          medicalDecisionMaking: item.medicalDecisionMaking,
          otherBilled: item.otherBilled,
          countedEntries: item.countedEntries,
          attempt: item.attempt,
        })),
        ...(nextCursor ? { nextCursor } : {}),
      };
    },

    /** Patients of the month within reach of their next billable threshold (closest first). */
    async worklist(scope: StaffScope, month: string | undefined) {
      const practice = await practiceFor(scope);
      const target = month ?? monthOf(runtime.clock().toISOString(), practice.timeZone);
      const items: { patientId: string; tracks: ThresholdStatus[] }[] = [];
      let startAfter: Record<string, unknown> | undefined;
      do {
        const page = await ledger.readPage(scope.tenantId, practice.practiceId, target, startAfter);
        const facts = await ledger.batchGetFacts(
          scope.tenantId,
          practice.practiceId,
          page.months.map((m) => m.patientId),
        );
        for (const ledgerMonth of page.months) {
          const { input } = buildMonthInput({
            month: target,
            timeZone: practice.timeZone,
            careModel: practice.careModel,
            billingPractitionerId: practice.billingPractitionerNpi,
            facts: facts.get(ledgerMonth.patientId) ?? { consents: [], carePlans: [], eligibility: null },
            ledger: ledgerMonth,
          });
          const minutes = countedMinutes(input);
          const tracks = thresholdWorklist({
            staff: minutes.ccmStaff,
            physician: minutes.ccmPhysician,
            pcm: minutes.pcmStaff + minutes.pcmPhysician,
          }).filter((track) => track.close);
          if (tracks.length > 0) items.push({ patientId: ledgerMonth.patientId, tracks });
        }
        startAfter = page.lastKey;
      } while (startAfter);
      const closest = (tracks: ThresholdStatus[]) =>
        Math.min(...tracks.map((t) => t.minutesMissing ?? Infinity));
      items.sort((a, b) => closest(a.tracks) - closest(b.tracks) || (a.patientId < b.patientId ? -1 : 1));
      return {
        practiceId: practice.practiceId,
        month: target,
        items: items.map(({ patientId, tracks }) => ({
          patientId,
          tracks: tracks.map((t) => ({
            track: t.track,
            countedMinutes: t.countedMinutes,
            nextThreshold: t.nextThreshold ?? 0,
            minutesMissing: t.minutesMissing ?? 0,
          })),
        })),
      };
    },

    async setMedicalDecisionMaking(
      scope: StaffScope,
      patientId: string,
      month: string,
      level: 'low' | 'moderate' | 'high',
    ): Promise<LedgerView> {
      const practice = await practiceFor(scope);
      await requireKnownPatient(scope.tenantId, practice.practiceId, patientId);
      return ledger.setHeadField(scope.tenantId, practice.practiceId, month, patientId, 'mdm', level);
    },

    /** Records a visit on the patient's billing facts; a visit cannot lie in the future. */
    async recordVisit(
      scope: StaffScope,
      patientId: string,
      visit: { visitId: string; practitionerNpi: string; kind: VisitFact['kind']; at: string },
    ): Promise<{ visit: VisitFact; commit: Commit }> {
      const practice = await practiceFor(scope);
      const { facts, version } = await ledger.getFacts(scope.tenantId, practice.practiceId, patientId);
      if (version === 0) throw new NotFoundError('Patient');
      if (Date.parse(visit.at) > runtime.clock().getTime())
        throw new ValidationError('A visit cannot be recorded before it happened', [
          { path: 'at', code: 'in_future' },
        ]);
      const next = applyVisitRecorded(facts, visit);
      return {
        visit,
        commit: {
          writes: [ledger.putFacts(scope.tenantId, practice.practiceId, patientId, next, version)],
          events: [],
        },
      };
    },

    async setOtherBilled(
      scope: StaffScope,
      patientId: string,
      month: string,
      codes: { code: string; practitionerId: string }[],
    ): Promise<LedgerView> {
      const practice = await practiceFor(scope);
      await requireKnownPatient(scope.tenantId, practice.practiceId, patientId);
      const sorted = [...codes].sort((a, b) =>
        a.code + a.practitionerId < b.code + b.practitionerId ? -1 : 1,
      );
      return ledger.setHeadField(
        scope.tenantId,
        practice.practiceId,
        month,
        patientId,
        'otherBilled',
        sorted,
      );
    },
  };
}

export type BillingQueries = ReturnType<typeof createBillingQueries>;
