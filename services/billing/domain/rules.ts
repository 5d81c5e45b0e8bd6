/**
 * Monthly billing rules for chronic care management (CCM) and principal care management (PCM),
 * following the CMS MLN booklet "Chronic Care Management Services" and the CPT descriptors.
 *
 * Codes and thresholds (all per calendar month, thresholds met in full, no rounding, no carry-over):
 * - 99490 + 99439: clinical staff CCM, 20 minutes, then each further full 20 (at most 2 units).
 * - 99491 + 99437: CCM personally by the billing physician/QHP, 30 minutes, then each further full 30.
 * - 99487 + 99489: complex CCM, 60 minutes of clinical staff time, then each further full 30; needs
 *   moderate or high medical decision making and a care plan. Since CY 2020 CPT reads "established,
 *   implemented, revised, or monitored", so a care plan established by the month's end is enough and
 *   `substantialRevisionInMonth` is not required.
 * - 99424 + 99425 (physician) and 99426 + 99427 (clinical staff): PCM, 30 minutes, then each further 30.
 * Add-on caps are in `ADD_ON_UNIT_CAPS`.
 *
 * Eligibility: CCM needs two or more chronic conditions and a care plan; PCM needs one complex condition
 * flagged for PCM. Both need consent to that program for this billing practitioner (time before
 * consent was obtained, or from its revocation on, does not count) and an initiating visit: an E/M,
 * AWV or IPPE by the billing practitioner no earlier than 12 months before consent. Minutes belong to
 * the calendar month of the practice's time zone. A practice on the APCM care model bills one
 * G0556/G0557/G0558 line a month instead (`decideApcm`).
 *
 * Exclusions:
 * - APCM (G0556-G0558) billed this month absorbs CCM and PCM.
 * - Only one practitioner bills a family per month: CCM (or PCM) billed by another practitioner blocks
 *   ours; billed by ours already, it is not billed twice.
 * - CCM and PCM are never billed by the same practitioner in the same month; by different ones they are.
 * - Complex and non-complex CCM, and 99491 with 99487/99489/99490, are never combined: each option below
 *   bills a single family.
 *
 * Choices where CMS leaves one, made by the highest expected payment (`fee-schedule.ts`):
 * - Physician time: CMS lets the billing practitioner's own time count as clinical staff time. Each
 *   minute counts once, so the practitioner's minutes either go to 99491/99424 on their own or are
 *   pooled with staff minutes for 99490/99487/99426. With 2026 fees the pool wins from 40 combined
 *   minutes for CCM, while 30-39 physician minutes alone are better billed as 99491.
 * - Complex vs non-complex: 60-89 staff minutes pay more as 99490 + 2 x 99439 than as 99487; from 90
 *   minutes 99487 + 99489 pays more.
 * - CCM vs PCM for the same practitioner: the option paying more; CCM on a tie.
 *
 * Reasons: when lines are billed `reasons` is empty; otherwise it lists, in `REASON_CODES` order, what
 * blocked each program that applies to the patient (CCM when two or more conditions or CCM time was
 * recorded, PCM when flagged or PCM time was recorded; CCM when neither applies). A program that is
 * not blocked reports NO_COUNTED_TIME or BELOW_THRESHOLD.
 */
import { billedElsewhere } from './billed-elsewhere';
import { type BillingOption, bestOption, familyOption, NOTHING } from './code-selection';
import { APCM, COMPLEX_CCM, PHYSICIAN_CCM, PHYSICIAN_PCM, STAFF_CCM, STAFF_PCM } from './codes';
import { consentWindow } from './consent-window';
import { type CountedMinutes, tallyMinutes } from './counted-minutes';
import { deepFreeze } from './deep-freeze';
import { hasInitiatingVisit } from './initiating-visit';
import { monthBounds } from './month-bounds';
import { type MonthDecision, PatientMonthInput } from './month-schema';
import { orderReasons, type ReasonCode } from './reason-codes';

export type { CountedMinutes } from './counted-minutes';
export { DecisionLine, MonthDecision, PatientMonthInput, TimeEntry } from './month-schema';
export { REASON_CODES, type ReasonCode } from './reason-codes';
export { decideTcm, TCM_REASON_CODES, TcmDecision, TcmInput, type TcmReasonCode } from './tcm';

// Inputs returned by `parsePatientMonthInput` are deep-frozen, so once validated they stay valid and
// `decideMonth` can skip the schema for them.
const validated = new WeakSet<object>();

/**
 * Validates untrusted input once at the boundary (throws a ZodError) and returns a frozen copy that
 * `decideMonth` accepts without validating again.
 */
export const parsePatientMonthInput = (raw: unknown): PatientMonthInput => {
  const parsed = deepFreeze(PatientMonthInput.parse(raw));
  validated.add(parsed);
  return parsed;
};

const ensureValid = (input: PatientMonthInput): PatientMonthInput =>
  validated.has(input) ? input : PatientMonthInput.parse(input);

type ProgramResult = { readonly option: BillingOption; readonly reasons: readonly ReasonCode[] };

const thresholdReason = (countedMinutes: number): ReasonCode =>
  countedMinutes === 0 ? 'NO_COUNTED_TIME' : 'BELOW_THRESHOLD';

/** What the consent and the initiating visit say about one program, before any time is counted. */
const programGate = (
  input: PatientMonthInput,
  consent: ReturnType<typeof consentWindow>,
  program: 'ccm' | 'pcm' | 'apcm',
): ReasonCode[] => {
  if (!consent.ok || input.consent === null) return consent.ok ? [] : [consent.reason];
  const blocked: ReasonCode[] = [];
  if (!input.consent.programs.includes(program)) blocked.push('NO_CONSENT_FOR_PROGRAM');
  if (!hasInitiatingVisit(input.lastQualifyingVisitAt, input.consent.obtainedAt, input.timeZone))
    blocked.push('NO_INITIATING_VISIT');
  return blocked;
};

/**
 * APCM (G0556-G0558, CY 2025): one line a month by the patient's chronic conditions and QMB status,
 * no time threshold; consent to APCM and the initiating visit as for CCM. CCM or PCM billed by the
 * same practitioner this month rules it out, and so does APCM billed already.
 */
const decideApcm = (input: PatientMonthInput, consent: ReturnType<typeof consentWindow>): MonthDecision => {
  const billed = billedElsewhere(input.otherBilled, input.billingPractitionerId);
  const blocked = programGate(input, consent, 'apcm');
  if (billed.apcm) blocked.push('APCM_BILLED');
  if (billed.ccmBySelf || billed.pcmBySelf) blocked.push('CCM_PCM_SAME_PRACTITIONER');
  if (blocked.length > 0) return { lines: [], reasons: orderReasons(blocked) };
  const { chronicConditionCount, qmb } = input.patient;
  const code = chronicConditionCount < 2 ? APCM.low : qmb ? APCM.multipleQmb : APCM.multiple;
  return { lines: [{ code, units: 1 }], reasons: [] };
};

const decideValid = (input: PatientMonthInput): MonthDecision => {
  const bounds = monthBounds(input.month, input.timeZone);
  const consent = consentWindow(input.consent, input.billingPractitionerId, bounds);
  if (input.careModel === 'apcm') return decideApcm(input, consent);
  const billed = billedElsewhere(input.otherBilled, input.billingPractitionerId);
  const tally = consent.ok
    ? tallyMinutes(input.timeEntries, bounds, consent.fromMs, consent.toMs, input.billingPractitionerId)
    : tallyMinutes(input.timeEntries, bounds, 0, 0, input.billingPractitionerId);
  const { chronicConditionCount, complexConditionForPcm } = input.patient;

  const ccm = ((): ProgramResult => {
    const blocked: ReasonCode[] = programGate(input, consent, 'ccm');
    if (chronicConditionCount < 2) blocked.push('INSUFFICIENT_CHRONIC_CONDITIONS');
    if (input.carePlan === null) blocked.push('NO_CARE_PLAN');
    else if (Date.parse(input.carePlan.establishedAt) >= bounds.endMs) blocked.push('CARE_PLAN_AFTER_MONTH');
    if (billed.apcm) blocked.push('APCM_BILLED');
    if (billed.ccmByOther) blocked.push('OTHER_PRACTITIONER_BILLED');
    if (billed.ccmBySelf) blocked.push('ALREADY_BILLED');
    if (billed.pcmBySelf) blocked.push('CCM_PCM_SAME_PRACTITIONER');
    if (blocked.length > 0) return { option: NOTHING, reasons: blocked };
    const pooled = tally.ccmStaff + tally.ccmPhysician;
    const complexAllowed =
      input.medicalDecisionMaking === 'moderate' || input.medicalDecisionMaking === 'high';
    const option = bestOption([
      familyOption(STAFF_CCM, pooled),
      complexAllowed ? familyOption(COMPLEX_CCM, pooled) : NOTHING,
      familyOption(PHYSICIAN_CCM, tally.ccmPhysician),
    ]);
    return { option, reasons: option.lines.length > 0 ? [] : [thresholdReason(pooled)] };
  })();

  const pcm = ((): ProgramResult => {
    const blocked: ReasonCode[] = programGate(input, consent, 'pcm');
    if (complexConditionForPcm !== true || chronicConditionCount < 1) blocked.push('NOT_PCM_ELIGIBLE');
    if (billed.apcm) blocked.push('APCM_BILLED');
    if (billed.pcmByOther) blocked.push('OTHER_PRACTITIONER_BILLED');
    if (billed.pcmBySelf) blocked.push('ALREADY_BILLED');
    if (billed.ccmBySelf) blocked.push('CCM_PCM_SAME_PRACTITIONER');
    if (blocked.length > 0) return { option: NOTHING, reasons: blocked };
    const pooled = tally.pcmStaff + tally.pcmPhysician;
    const option = bestOption([
      familyOption(STAFF_PCM, pooled),
      familyOption(PHYSICIAN_PCM, tally.pcmPhysician),
    ]);
    return { option, reasons: option.lines.length > 0 ? [] : [thresholdReason(pooled)] };
  })();

  const chosen = pcm.option.revenueCents > ccm.option.revenueCents ? pcm.option : ccm.option;
  if (chosen.lines.length > 0) return { lines: chosen.lines, reasons: [] };

  const ccmApplies = chronicConditionCount >= 2 || tally.ccmRecorded;
  const pcmApplies = complexConditionForPcm === true || tally.pcmRecorded;
  const reasons: ReasonCode[] = [];
  if (ccmApplies || !pcmApplies) reasons.push(...ccm.reasons);
  if (pcmApplies) reasons.push(...pcm.reasons);
  return { lines: [], reasons: orderReasons(reasons) };
};

/**
 * Decides what to bill for one patient-month. Pure and deterministic. Input that was not produced by
 * `parsePatientMonthInput` is validated first (throws a ZodError on invalid input).
 */
export const decideMonth = (input: PatientMonthInput): MonthDecision => decideValid(ensureValid(input));

/**
 * Minutes that count so far this month for the worklist, with the same month, consent, program and
 * performer rules as `decideMonth` (zero when consent does not allow counting).
 */
export const countedMinutes = (input: PatientMonthInput): CountedMinutes => {
  const valid = ensureValid(input);
  const bounds = monthBounds(valid.month, valid.timeZone);
  const consent = consentWindow(valid.consent, valid.billingPractitionerId, bounds);
  const { fromMs, toMs } = consent.ok ? consent : { fromMs: 0, toMs: 0 };
  const { ccmStaff, ccmPhysician, pcmStaff, pcmPhysician } = tallyMinutes(
    valid.timeEntries,
    bounds,
    fromMs,
    toMs,
    valid.billingPractitionerId,
  );
  return { ccmStaff, ccmPhysician, pcmStaff, pcmPhysician };
};
