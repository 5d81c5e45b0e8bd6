import { createHash } from 'node:crypto';
import { familyOf, type ServiceFamily, withoutLockedFamilies } from './code-families';
import { planLines, type StoredLine } from './line-plan';
import {
  type AuditFacts,
  buildMonthInput,
  countedEntries,
  type LedgerEntry,
  type LedgerMonth,
} from './month-input';
import type { DecisionLine } from './month-schema';
import { emptyPatientFacts, type PatientFacts } from './patient-facts';
import { decideMonth, decideTcm, type MonthDecision, type TcmDecision } from './rules';
import { type MonthlyDateOfService, monthlyDateOfService } from './service-date';
import { buildTcmInput } from './tcm-input';

/** Held back when the rules bill a month but the claim would have no diagnosis. */
export const NO_DIAGNOSIS_CODES = 'NO_DIAGNOSIS_CODES';

/** One decided patient-month as a run keeps it: the decision, its audit packet and its claim lines. */
export interface PatientMonthResult {
  patientId: string;
  lines: DecisionLine[];
  reasons: string[];
  /** Set when the rules bill but no claim can be built (no diagnosis code). */
  holdReason: string | null;
  audit: AuditFacts;
  countedEntries: LedgerEntry[];
  medicalDecisionMaking: string | null;
  otherBilled: { code: string; practitionerId: string }[];
  /** Claim lines as stored, superseded ones included. */
  storedLines: StoredLine[];
  /** The individual NPI the claim lines are billed under. */
  billingPractitionerNpi?: string;
  fingerprint: string;
  /** Date of service of the month's time-based lines (absent on results kept before it was stored). */
  serviceDate?: string;
  /** Attempt that last changed this patient-month. */
  attempt: number;
}

/** What a run knows of the practice when it decides one of its patient-months. */
export interface PracticeTerms {
  timeZone: string;
  careModel: Parameters<typeof buildMonthInput>[0]['careModel'];
  billingPractitionerNpi: string;
  monthlyDateOfService: MonthlyDateOfService;
}

/** One patient-month decided by an attempt, compared with what the run kept before. */
export interface PatientMonthOutcome {
  result: PatientMonthResult;
  /** False when the kept result already says the same: the attempt writes nothing for it. */
  changed: boolean;
  /** Families the claimable lines bill: their patient-month locks must be held. */
  wanted: ServiceFamily[];
  /** Families the kept result billed that this decision no longer bills: their locks are let go. */
  released: ServiceFamily[];
}

const fingerprintOf = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url');

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

const familiesOf = (lines: readonly { code: string }[], month: string): Set<ServiceFamily> =>
  new Set(lines.map((l) => familyOf(l.code, month)).filter((f): f is ServiceFamily => f !== undefined));

/** Results kept before claim lines lived on the patient-month carry no per-line dates or actions. */
const keptWithoutLineDetails = (prior: PatientMonthResult): boolean =>
  prior.storedLines.some((line) => line.lastActionAttempt === undefined);

/**
 * Decides one patient-month of a run attempt: the rules' lines (minus the families another
 * organisation holds), the claim lines to keep with their date of service and what this attempt did
 * to each, and the locks the result needs. Deterministic: the same inputs give the same result, which
 * is what makes re-putting it after a crash harmless.
 */
export function decidePatientMonth(args: {
  month: string;
  attempt: number;
  practice: PracticeTerms;
  ledger: LedgerMonth;
  facts: PatientFacts | undefined;
  prior: PatientMonthResult | undefined;
  heldElsewhere?: ReadonlySet<ServiceFamily>;
}): PatientMonthOutcome {
  const { month, attempt, practice, ledger, prior } = args;
  const facts = args.facts ?? emptyPatientFacts();
  const { input, audit } = buildMonthInput({
    month,
    timeZone: practice.timeZone,
    careModel: practice.careModel,
    billingPractitionerId: practice.billingPractitionerNpi,
    facts: args.facts ?? { consents: [], carePlans: [], eligibility: null },
    ledger,
  });
  const tcmInput = buildTcmInput({
    month,
    timeZone: practice.timeZone,
    facts,
    medicalDecisionMaking: ledger.medicalDecisionMaking,
  });
  const tcm = tcmInput ? decideTcm(tcmInput) : undefined;
  const decision = withoutLockedFamilies(
    withTcm(decideMonth(input), tcm),
    month,
    args.heldElsewhere ?? new Set(),
  );
  if (tcm) audit.tcm = { dischargeDate: facts.eligibility?.tcm?.dischargeDate ?? '', ...tcm };
  const holdReason =
    decision.lines.length > 0 && audit.diagnosisCodes.length === 0 ? NO_DIAGNOSIS_CODES : null;
  const counted = countedEntries(input, ledger.entries);
  const claimable = holdReason ? [] : decision.lines;
  const serviceDate = monthlyDateOfService({
    policy: practice.monthlyDateOfService,
    month,
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
    mdm: ledger.medicalDecisionMaking,
    otherBilled: ledger.otherBilled,
    serviceDate,
  });
  const storedBefore = prior?.storedLines ?? [];
  const wanted = familiesOf(claimable, month);
  const released = [
    ...familiesOf(
      storedBefore.filter((l) => l.status === 'active'),
      month,
    ),
  ].filter((family) => !wanted.has(family));
  if (prior && prior.fingerprint === fingerprint && !keptWithoutLineDetails(prior)) {
    return { result: prior, changed: false, wanted: [...wanted], released: [] };
  }
  const plan = planLines(storedBefore, claimable);
  // New diagnoses or a new date rewrite every line of the claim, not only those whose units changed.
  if (
    prior &&
    (JSON.stringify(prior.audit.diagnosisCodes) !== JSON.stringify(audit.diagnosisCodes) ||
      (prior.serviceDate ?? serviceDate) !== serviceDate ||
      keptWithoutLineDetails(prior))
  ) {
    plan.changed.push(...plan.unchanged);
    plan.unchanged = [];
  }
  const datesOfService = new Map((audit.tcm?.lines ?? []).map((l) => [l.code, l.dateOfService]));
  const before = new Map(storedBefore.map((line) => [line.code, line]));
  const action = (code: string): Pick<StoredLine, 'lastAction' | 'lastActionAttempt'> => {
    if (plan.added.some((l) => l.code === code)) return { lastAction: 'added', lastActionAttempt: attempt };
    if (plan.changed.some((l) => l.code === code))
      return { lastAction: 'changed', lastActionAttempt: attempt };
    const kept = before.get(code);
    return { lastAction: kept?.lastAction ?? 'added', lastActionAttempt: kept?.lastActionAttempt ?? attempt };
  };
  const claimableCodes = new Set(claimable.map((l) => l.code));
  const storedLines: StoredLine[] = [
    ...claimable.map(
      (l): StoredLine => ({
        code: l.code,
        units: l.units,
        status: 'active',
        dateOfService: datesOfService.get(l.code) ?? serviceDate,
        ...action(l.code),
      }),
    ),
    ...storedBefore
      .filter((l) => !claimableCodes.has(l.code))
      .map(
        (l): StoredLine =>
          plan.superseded.includes(l.code)
            ? { ...l, status: 'superseded', lastAction: 'superseded', lastActionAttempt: attempt }
            : { ...l, status: 'superseded' },
      ),
  ].sort((a, b) => (a.code < b.code ? -1 : 1));
  return {
    result: {
      patientId: ledger.patientId,
      lines: decision.lines,
      reasons: decision.reasons,
      holdReason,
      audit,
      countedEntries: counted,
      medicalDecisionMaking: ledger.medicalDecisionMaking,
      otherBilled: ledger.otherBilled,
      storedLines,
      billingPractitionerNpi: practice.billingPractitionerNpi,
      fingerprint,
      serviceDate,
      attempt,
    },
    changed: true,
    wanted: [...wanted],
    released,
  };
}
