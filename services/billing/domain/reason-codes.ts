/**
 * Machine codes that explain why nothing was billed for a patient-month.
 * The order of the tuple is the order in which reasons are reported; append new codes, never rename.
 */
export const REASON_CODES = [
  /** No consent on file. */
  'NO_CONSENT',
  /** Consent was given to a different billing practitioner. */
  'CONSENT_OTHER_PRACTITIONER',
  /** Consent was obtained after the month ended. */
  'CONSENT_AFTER_MONTH',
  /** Consent was revoked before the month started (or before it was obtained). */
  'CONSENT_REVOKED',
  /** CCM needs two or more chronic conditions. */
  'INSUFFICIENT_CHRONIC_CONDITIONS',
  /** PCM needs one complex chronic condition flagged for PCM. */
  'NOT_PCM_ELIGIBLE',
  /** CCM needs a comprehensive care plan. */
  'NO_CARE_PLAN',
  /** The care plan was established after the month ended. */
  'CARE_PLAN_AFTER_MONTH',
  /** Advanced primary care management (G0556-G0558) already covers the month. */
  'APCM_BILLED',
  /** Another practitioner already billed the same service family this month. */
  'OTHER_PRACTITIONER_BILLED',
  /** The billing practitioner already billed the same service family this month. */
  'ALREADY_BILLED',
  /** The billing practitioner already billed the other family (CCM vs PCM) this month. */
  'CCM_PCM_SAME_PRACTITIONER',
  /** No minute counted this month (none recorded, or none inside the consent window). */
  'NO_COUNTED_TIME',
  /** Minutes were counted but no time threshold was met. */
  'BELOW_THRESHOLD',
  /** The patient's consent does not name this program (a PCM consent does not bill CCM). */
  'NO_CONSENT_FOR_PROGRAM',
  /** No E/M, AWV or IPPE by the billing practitioner within 12 months before consent. */
  'NO_INITIATING_VISIT',
  /** Another practice or tenant already claimed this service family for the patient-month. */
  'BILLED_ELSEWHERE',
] as const;

/** One reason code. */
export type ReasonCode = (typeof REASON_CODES)[number];

const ORDER: ReadonlyMap<string, number> = new Map(REASON_CODES.map((code, index) => [code, index]));

/** Sorts and de-duplicates reason codes into the canonical reporting order. */
export const orderReasons = (reasons: Iterable<ReasonCode>): ReasonCode[] =>
  [...new Set(reasons)].sort((a, b) => (ORDER.get(a) ?? 0) - (ORDER.get(b) ?? 0));
