import { instantFromEpochMs, parseIsoDate, startOfDay } from '@carelink/calendar';
import type { Performer } from '@carelink/contracts';
import { consentWindow } from './consent-window';
import { claimDiagnosisCodes, documentedDiagnoses } from './diagnosis-codes';
import { monthBounds } from './month-bounds';
import type { PatientMonthInput, TimeEntry } from './month-schema';
import type { CarePlanFact, ConsentFact, EligibilityFact, PatientFacts } from './patient-facts';

/** A time entry as the ledger keeps it. */
export interface LedgerEntry {
  timeEntryId: string;
  startedAt: string;
  minutes: number;
  performer: Performer;
  practitionerId: string;
  program: string;
}

/** What the ledger holds for one patient-month. */
export interface LedgerMonth {
  patientId: string;
  medicalDecisionMaking: 'low' | 'moderate' | 'high' | null;
  otherBilled: { code: string; practitionerId: string }[];
  entries: LedgerEntry[];
}

/** The facts a decision was based on, kept with every patient-month of a run. */
export interface AuditFacts {
  consent: {
    consentId: string;
    program: string;
    obtainedAt: string;
    revokedAt: string | null;
    billingPractitionerId: string;
  } | null;
  carePlan: { carePlanId: string; version: number; establishedAt: string; revisedAt: string | null } | null;
  eligibility: {
    determinationVersion: number;
    conditionCategories: string[];
    chronicConditionCount: number;
    complexConditionForPcm: boolean;
  } | null;
  diagnosisCodes: string[];
  /** The visit taken as the initiating visit (or the latest before it), when there is one. */
  lastQualifyingVisitAt?: string | null;
  /** The TCM decision of the discharge whose visit falls in this month, with its reasons. */
  tcm?: {
    dischargeDate: string;
    lines: { code: string; units: number; dateOfService: string }[];
    reasons: string[];
  };
}

const RULE_PROGRAMS: ReadonlySet<string> = new Set(['ccm', 'pcm', 'tcm', 'rpm', 'bhi']);

const byInstant = (a: string, b: string) => Date.parse(a) - Date.parse(b);

/**
 * The consent the month is decided on: the latest consent for the billing practitioner obtained
 * before the month ends; failing that the one that explains best why nothing counts (another
 * practitioner's, or one obtained after the month).
 */
export const selectConsent = (
  consents: readonly ConsentFact[],
  billingPractitionerId: string,
  endMs: number,
): (ConsentFact & { obtainedAt: string }) | null => {
  const known = consents.filter((c): c is ConsentFact & { obtainedAt: string } => c.obtainedAt !== null);
  const mine = known.filter((c) => c.billingPractitionerId === billingPractitionerId);
  const pool = mine.length > 0 ? mine : known;
  const before = pool
    .filter((c) => Date.parse(c.obtainedAt) < endMs)
    .sort((a, b) => byInstant(b.obtainedAt, a.obtainedAt) || (a.consentId < b.consentId ? -1 : 1));
  if (before[0]) return before[0];
  return [...pool].sort((a, b) => byInstant(a.obtainedAt, b.obtainedAt))[0] ?? null;
};

/**
 * Every program the patient consented to with the selected consent's practitioner and that was in
 * force during the month: each consent names one program, and a program's lines need its own.
 */
export const consentedPrograms = (
  consents: readonly ConsentFact[],
  selected: ConsentFact,
  bounds: { startMs: number; endMs: number },
): ('ccm' | 'pcm' | 'apcm')[] => {
  const inForce = consents.filter(
    (c) =>
      c.billingPractitionerId === selected.billingPractitionerId &&
      c.obtainedAt !== null &&
      Date.parse(c.obtainedAt) < bounds.endMs &&
      (c.revokedAt === null || Date.parse(c.revokedAt) > bounds.startMs),
  );
  const programs = new Set([selected, ...inForce].map((c) => c.program));
  return (['ccm', 'pcm', 'apcm'] as const).filter((program) => programs.has(program));
};

/**
 * The latest E/M, AWV or IPPE by the billing practitioner on or before the month's end: a visit the
 * practice recorded, or the last visit the referral reported for the attributed practitioner (a
 * local date, taken at the start of that day in the practice's zone).
 */
export const lastQualifyingVisit = (
  facts: PatientFacts,
  billingPractitionerId: string,
  timeZone: string,
  endMs: number,
): string | null => {
  const candidates = (facts.visits ?? [])
    .filter((v) => v.practitionerNpi === billingPractitionerId && v.kind !== 'tcm-face-to-face')
    .map((v) => v.at);
  const reported = facts.eligibility?.lastVisit;
  if (reported && reported.npi === billingPractitionerId)
    candidates.push(instantFromEpochMs(startOfDay(parseIsoDate(reported.date), timeZone)));
  const before = candidates.filter((at) => Date.parse(at) < endMs).sort(byInstant);
  return before.at(-1) ?? null;
};

/** The care plan of the month: the earliest established by the month's end, else the earliest. */
export const selectCarePlan = (
  plans: readonly CarePlanFact[],
  endMs: number,
): (CarePlanFact & { establishedAt: string }) | null => {
  const known = plans
    .filter((p): p is CarePlanFact & { establishedAt: string } => p.establishedAt !== null)
    .sort((a, b) => byInstant(a.establishedAt, b.establishedAt) || (a.carePlanId < b.carePlanId ? -1 : 1));
  return known.find((p) => Date.parse(p.establishedAt) < endMs) ?? known[0] ?? null;
};

const eligibilityAudit = (eligibility: EligibilityFact | null): AuditFacts['eligibility'] =>
  eligibility && {
    determinationVersion: eligibility.determinationVersion,
    conditionCategories: [...eligibility.conditionCategories],
    chronicConditionCount: eligibility.conditionCategories.length,
    complexConditionForPcm: eligibility.complexConditionForPcm,
  };

/**
 * Joins the patient's facts into one ledger month and produces the input `decideMonth` takes, with
 * the facts it was built from (the audit packet's references).
 */
export const buildMonthInput = (args: {
  month: string;
  timeZone: string;
  careModel: PatientMonthInput['careModel'];
  billingPractitionerId: string;
  facts: PatientFacts;
  ledger: LedgerMonth;
}): { input: PatientMonthInput; audit: AuditFacts } => {
  const { month, timeZone, billingPractitionerId, facts, ledger } = args;
  const bounds = monthBounds(month, timeZone);
  const consent = selectConsent(facts.consents, billingPractitionerId, bounds.endMs);
  const lastQualifyingVisitAt = lastQualifyingVisit(facts, billingPractitionerId, timeZone, bounds.endMs);
  const plan = selectCarePlan(facts.carePlans, bounds.endMs);
  const revisionsByEnd = (plan?.revisions ?? []).filter((r) => Date.parse(r.revisedAt) < bounds.endMs);
  const latestRevision = revisionsByEnd.at(-1);
  const substantialRevisionInMonth = revisionsByEnd.some(
    (r) => r.substantial && Date.parse(r.revisedAt) >= bounds.startMs,
  );
  const timeEntries: TimeEntry[] = ledger.entries
    .filter((e) => RULE_PROGRAMS.has(e.program))
    .map((e) => ({
      at: e.startedAt,
      minutes: e.minutes,
      performer: e.performer,
      practitionerId: e.practitionerId,
      program: e.program as TimeEntry['program'],
    }));
  const input: PatientMonthInput = {
    month,
    timeZone,
    careModel: args.careModel,
    patient: {
      chronicConditionCount: facts.eligibility?.conditionCategories.length ?? 0,
      complexConditionForPcm: facts.eligibility?.complexConditionForPcm ?? false,
      // Coverage does not tell QMB status yet: G0558 is never chosen until it does.
      qmb: false,
    },
    consent: consent && {
      obtainedAt: consent.obtainedAt,
      revokedAt: consent.revokedAt,
      billingPractitionerId: consent.billingPractitionerId,
      programs: consentedPrograms(facts.consents, consent, bounds),
    },
    lastQualifyingVisitAt,
    carePlan: plan && {
      establishedAt: plan.establishedAt,
      revisedAt: latestRevision?.revisedAt ?? null,
      substantialRevisionInMonth,
    },
    medicalDecisionMaking: ledger.medicalDecisionMaking,
    timeEntries,
    otherBilled: ledger.otherBilled.map((o) => ({ code: o.code, practitionerId: o.practitionerId })),
    billingPractitionerId,
  };
  const audit: AuditFacts = {
    consent: consent && {
      consentId: consent.consentId,
      program: consent.program,
      obtainedAt: consent.obtainedAt,
      revokedAt: consent.revokedAt,
      billingPractitionerId: consent.billingPractitionerId,
    },
    carePlan: plan && {
      carePlanId: plan.carePlanId,
      version: latestRevision?.version ?? plan.establishedVersion,
      establishedAt: plan.establishedAt,
      revisedAt: latestRevision?.revisedAt ?? null,
    },
    eligibility: eligibilityAudit(facts.eligibility),
    diagnosisCodes: claimDiagnosisCodes(
      facts.eligibility?.conditionCategories ?? [],
      documentedDiagnoses(facts.eligibility?.diagnoses, plan?.problems?.codes),
    ),
    lastQualifyingVisitAt,
  };
  return { input, audit };
};

/**
 * The entries whose minutes count this month, by the rules' own filters: CCM or PCM time inside the
 * practice-zone month and the consent window, by clinical staff or by the billing practitioner.
 */
export const countedEntries = (input: PatientMonthInput, entries: readonly LedgerEntry[]): LedgerEntry[] => {
  const bounds = monthBounds(input.month, input.timeZone);
  const window = consentWindow(input.consent, input.billingPractitionerId, bounds);
  if (!window.ok) return [];
  return entries
    .filter((entry) => {
      if (entry.program !== 'ccm' && entry.program !== 'pcm') return false;
      const at = Date.parse(entry.startedAt);
      if (at < window.fromMs || at >= window.toMs) return false;
      return entry.performer === 'clinical-staff' || entry.practitionerId === input.billingPractitionerId;
    })
    .sort((a, b) => byInstant(a.startedAt, b.startedAt) || (a.timeEntryId < b.timeEntryId ? -1 : 1));
};
