/**
 * Patient-level billing facts (consents, care plan, eligibility) as a pure state with one reducer per
 * event. Events may arrive late, twice or out of order; every reducer is idempotent and keeps the
 * newest fact by its own version or instant, so replaying a history in any order converges.
 */

/** One consent to care management with a billing practitioner. */
export interface ConsentFact {
  consentId: string;
  program: string;
  obtainedAt: string | null;
  revokedAt: string | null;
  billingPractitionerId: string;
}

/** One care plan: when it was established and its latest revision. */
export interface CarePlanFact {
  carePlanId: string;
  program: string;
  establishedAt: string | null;
  /** Version the plan was established with (1 unless established late). */
  establishedVersion: number;
  /** Highest version seen. */
  version: number;
  /** Revisions seen, newest last (at most `MAX_REVISIONS`), for the month's substantial flag. */
  revisions: { version: number; revisedAt: string; substantial: boolean }[];
  /** The ICD-10-CM codes of the newest version's problem list (absent on plans kept before they were sent). */
  problems?: { version: number; codes: string[] };
}

/** The problem list of the newer of the kept one and the one a plan event brings. */
const newerProblems = (
  current: CarePlanFact | undefined,
  data: { version: number; problemCodes?: readonly string[] | undefined },
): Pick<CarePlanFact, 'problems'> => {
  const kept = current?.problems;
  if (!data.problemCodes || (kept && kept.version > data.version)) return kept ? { problems: kept } : {};
  return { problems: { version: data.version, codes: [...data.problemCodes] } };
};

/** The latest eligibility determination. */
export interface EligibilityFact {
  determinationVersion: number;
  conditionCategories: string[];
  complexConditionForPcm: boolean;
  /** The referral's attributed practitioner's last visit with the patient (a local date). */
  lastVisit?: { npi: string; date: string };
  /** The same person's key in every tenant: the patient-month lock is taken on it. */
  patientKey?: string;
  /** The patient's documented ICD-10-CM codes with the chronic categories each qualifies for. */
  diagnoses?: { code: string; categories: string[] }[];
  /** The discharge TCM follows, when eligibility found the patient eligible for TCM. */
  tcm?: { dischargeDate: string; facilityType?: string; destination?: string };
}

/** A contact attempt outreach logged: TCM needs a timely interactive one (or two timely attempts). */
export interface ContactFact {
  contactId: string;
  at: string;
  reached: boolean;
  /** A phone or video conversation; a message is not interactive. */
  interactive: boolean;
}

/** A visit the practice recorded: an E/M visit, AWV, IPPE, or the TCM face-to-face visit. */
export interface VisitFact {
  visitId: string;
  practitionerNpi: string;
  kind: 'e-m' | 'awv' | 'ippe' | 'tcm-face-to-face';
  at: string;
}

export interface PatientFacts {
  consents: ConsentFact[];
  carePlans: CarePlanFact[];
  eligibility: EligibilityFact | null;
  /** Absent on facts kept before visits were recorded. */
  visits?: VisitFact[];
  /** Absent on facts kept before contacts were followed. */
  contacts?: ContactFact[];
}

export const emptyPatientFacts = (): PatientFacts => ({
  consents: [],
  carePlans: [],
  eligibility: null,
  visits: [],
});

/** Records a visit once (by id); the newest visits are kept. */
export const applyVisitRecorded = (facts: PatientFacts, visit: VisitFact): PatientFacts => ({
  ...facts,
  visits: upsert(
    facts.visits ?? [],
    (v) => v.visitId === visit.visitId,
    () => visit,
  ),
});

/** Programs whose consent and care plan matter to CCM, PCM and APCM billing. */
const BILLING_PROGRAMS: ReadonlySet<string> = new Set(['ccm', 'pcm', 'apcm']);
const MAX_REVISIONS = 24;
const MAX_FACTS = 20;

const upsert = <T>(list: readonly T[], match: (item: T) => boolean, next: (current: T | undefined) => T) => {
  const index = list.findIndex(match);
  if (index < 0) return [...list, next(undefined)].slice(-MAX_FACTS);
  return list.map((item, i) => (i === index ? next(item) : item));
};

/** Replaces or adds one consent of a billing program; other programs leave the facts as they are. */
const withConsent = (
  facts: PatientFacts,
  data: { consentId: string; program: string },
  next: (current: ConsentFact | undefined) => ConsentFact,
): PatientFacts =>
  BILLING_PROGRAMS.has(data.program)
    ? { ...facts, consents: upsert(facts.consents, (c) => c.consentId === data.consentId, next) }
    : facts;

/** Replaces or adds one care plan of a billing program; other programs leave the facts as they are. */
const withCarePlan = (
  facts: PatientFacts,
  data: { carePlanId: string; program: string },
  next: (current: CarePlanFact | undefined) => CarePlanFact,
): PatientFacts =>
  BILLING_PROGRAMS.has(data.program)
    ? { ...facts, carePlans: upsert(facts.carePlans, (p) => p.carePlanId === data.carePlanId, next) }
    : facts;

export const applyConsentRecorded = (
  facts: PatientFacts,
  data: { consentId: string; program: string; obtainedAt: string; billingPractitionerId: string },
): PatientFacts =>
  withConsent(facts, data, (current) => ({
    consentId: data.consentId,
    program: data.program,
    obtainedAt: data.obtainedAt,
    revokedAt: current?.revokedAt ?? null,
    billingPractitionerId: data.billingPractitionerId,
  }));

export const applyConsentRevoked = (
  facts: PatientFacts,
  data: { consentId: string; program: string; revokedAt: string; billingPractitionerId: string },
): PatientFacts =>
  withConsent(facts, data, (current) => ({
    consentId: data.consentId,
    program: data.program,
    // A revocation that arrives before its consent keeps a placeholder until the consent lands.
    obtainedAt: current?.obtainedAt ?? null,
    revokedAt: data.revokedAt,
    billingPractitionerId: current?.billingPractitionerId ?? data.billingPractitionerId,
  }));

export const applyCarePlanEstablished = (
  facts: PatientFacts,
  data: {
    carePlanId: string;
    program: string;
    version: number;
    establishedAt: string;
    problemCodes?: readonly string[] | undefined;
  },
): PatientFacts =>
  withCarePlan(facts, data, (current) => ({
    carePlanId: data.carePlanId,
    program: data.program,
    establishedAt: data.establishedAt,
    establishedVersion: data.version,
    version: Math.max(current?.version ?? 0, data.version),
    revisions: current?.revisions ?? [],
    ...newerProblems(current, data),
  }));

export const applyCarePlanRevised = (
  facts: PatientFacts,
  data: {
    carePlanId: string;
    program: string;
    version: number;
    revisedAt: string;
    substantial: boolean;
    problemCodes?: readonly string[] | undefined;
  },
): PatientFacts =>
  withCarePlan(facts, data, (current) => {
    const others = (current?.revisions ?? []).filter((r) => r.version !== data.version);
    const revisions = [
      ...others,
      { version: data.version, revisedAt: data.revisedAt, substantial: data.substantial },
    ]
      .sort((a, b) => a.version - b.version)
      .slice(-MAX_REVISIONS);
    return {
      carePlanId: data.carePlanId,
      program: data.program,
      establishedAt: current?.establishedAt ?? null,
      establishedVersion: current?.establishedVersion ?? 1,
      version: Math.max(current?.version ?? 0, data.version),
      revisions,
      ...newerProblems(current, data),
    };
  });

export const applyEligibilityDetermined = (
  facts: PatientFacts,
  data: {
    determinationVersion: number;
    conditionCategories: readonly string[];
    complexConditionForPcm: boolean;
    lastVisit?: { npi: string; date: string } | undefined;
    patientKey?: string | undefined;
    programs?: readonly { program: string; status: string; tcm?: DeterminedTcm | undefined }[];
    diagnoses?: readonly { code: string; categories: readonly string[] }[] | undefined;
  },
): PatientFacts => {
  if (facts.eligibility && facts.eligibility.determinationVersion >= data.determinationVersion) return facts;
  return {
    ...facts,
    eligibility: {
      determinationVersion: data.determinationVersion,
      conditionCategories: [...new Set(data.conditionCategories)],
      complexConditionForPcm: data.complexConditionForPcm,
      ...(data.lastVisit ? { lastVisit: { ...data.lastVisit } } : {}),
      ...(data.patientKey ? { patientKey: data.patientKey } : {}),
      ...tcmOf(data.programs),
      ...(data.diagnoses
        ? { diagnoses: data.diagnoses.map((d) => ({ code: d.code, categories: [...d.categories] })) }
        : {}),
    },
  };
};

/** The TCM part of a determination, as eligibility publishes it. */
interface DeterminedTcm {
  dischargeDate: string;
  dischargeFacilityType?: string | undefined;
  dischargeDestination?: string | undefined;
}

const tcmOf = (
  programs: readonly { program: string; status: string; tcm?: DeterminedTcm | undefined }[] | undefined,
): { tcm?: EligibilityFact['tcm'] } => {
  const tcm = programs?.find((p) => p.program === 'tcm' && p.status === 'eligible')?.tcm;
  if (!tcm) return {};
  return {
    tcm: {
      dischargeDate: tcm.dischargeDate,
      ...(tcm.dischargeFacilityType ? { facilityType: tcm.dischargeFacilityType } : {}),
      ...(tcm.dischargeDestination ? { destination: tcm.dischargeDestination } : {}),
    },
  };
};

/** Records a contact attempt once (by id); the newest are kept. */
export const applyContactCompleted = (
  facts: PatientFacts,
  data: { contactId: string; attemptedAt: string; outcome: string; channel: string },
): PatientFacts => ({
  ...facts,
  contacts: upsert(
    facts.contacts ?? [],
    (c) => c.contactId === data.contactId,
    () => ({
      contactId: data.contactId,
      at: data.attemptedAt,
      reached: data.outcome === 'reached',
      interactive: data.channel === 'phone' || data.channel === 'video',
    }),
  ),
});
