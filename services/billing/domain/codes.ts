/**
 * CPT/HCPCS codes the billing rules know about, grouped by the exclusion families that CMS applies.
 * Time thresholds follow the CPT descriptors: a threshold is met only when the full time is documented.
 */

/** Non-complex CCM, clinical staff time: 99490 first 20 minutes, 99439 each further 20 minutes. */
export const STAFF_CCM = { base: '99490', addOn: '99439', baseMinutes: 20, addOnMinutes: 20 } as const;
/** Non-complex CCM personally performed by the physician/QHP: 99491 first 30, 99437 each further 30. */
export const PHYSICIAN_CCM = { base: '99491', addOn: '99437', baseMinutes: 30, addOnMinutes: 30 } as const;
/** Complex CCM, clinical staff time: 99487 first 60 minutes, 99489 each further 30 minutes. */
export const COMPLEX_CCM = { base: '99487', addOn: '99489', baseMinutes: 60, addOnMinutes: 30 } as const;
/** PCM personally performed by the physician/QHP: 99424 first 30, 99425 each further 30. */
export const PHYSICIAN_PCM = { base: '99424', addOn: '99425', baseMinutes: 30, addOnMinutes: 30 } as const;
/** PCM, clinical staff time: 99426 first 30, 99427 each further 30. */
export const STAFF_PCM = { base: '99426', addOn: '99427', baseMinutes: 30, addOnMinutes: 30 } as const;

/** A base code with its time-based add-on. */
export type CodeFamily =
  | typeof STAFF_CCM
  | typeof PHYSICIAN_CCM
  | typeof COMPLEX_CCM
  | typeof PHYSICIAN_PCM
  | typeof STAFF_PCM;

/**
 * Monthly unit caps for add-on codes.
 * - 99439: CMS pays at most two units per month (CY 2021 PFS final rule, repeated in the MLN CCM booklet).
 * - 99437, 99425, 99427: held to one unit so that claims stay inside the per-date-of-service unit edits
 *   the MACs apply; the worklist thresholds (30/60) follow from the same caps.
 * - 99489: CMS sets no monthly limit, so units follow the documented time.
 * Kept in one table so a payer-specific policy can change a cap in one place.
 */
export const ADD_ON_UNIT_CAPS: Readonly<Record<string, number>> = {
  '99439': 2,
  '99437': 1,
  '99425': 1,
  '99427': 1,
  '99489': Number.POSITIVE_INFINITY,
};

/** All CCM codes (complex and non-complex, staff and physician). */
export const CCM_CODES: ReadonlySet<string> = new Set(['99490', '99439', '99491', '99437', '99487', '99489']);
/** All PCM codes. */
export const PCM_CODES: ReadonlySet<string> = new Set(['99424', '99425', '99426', '99427']);
/** Advanced primary care management; it bundles CCM and PCM for the month. */
export const APCM_CODES: ReadonlySet<string> = new Set(['G0556', 'G0557', 'G0558']);

/** APCM by the patient's chronic conditions and QMB status (CY 2025): one line a month, no time threshold. */
export const APCM = { low: 'G0556', multiple: 'G0557', multipleQmb: 'G0558' } as const;

/** Transitional care management: moderate (99495) and high (99496) complexity. */
export const TCM = { moderate: '99495', high: '99496' } as const;

/** Every code the rules can emit. */
export const BILLABLE_CODES = [
  'G0556',
  'G0557',
  'G0558',
  '99424',
  '99425',
  '99426',
  '99427',
  '99437',
  '99439',
  '99487',
  '99489',
  '99490',
  '99491',
  '99495',
  '99496',
] as const;

/** A code the rules can emit. */
export type BillableCode = (typeof BILLABLE_CODES)[number];
