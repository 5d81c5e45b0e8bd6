import { addBusinessDays, addDays, daysBetween, epochMsOf, localDate } from '@carelink/calendar';
import * as z from 'zod/mini';
import { TCM } from './codes';

/**
 * Transitional care management (99495/99496), after the CMS MLN booklet "Transitional Care
 * Management Services":
 * - a discharge from an inpatient, observation, SNF or partial-hospitalization stay to a community
 *   setting (home, assisted living, domiciliary);
 * - the 30-day period is the discharge date and the next 29 days (local dates);
 * - an interactive contact within 2 business days after the discharge (Monday–Friday, not federal
 *   holidays), or at least two timely attempts documented when none succeeded;
 * - the face-to-face visit within 7 calendar days for 99496 (high MDM) or 14 for 99495 (moderate or
 *   high): a high-MDM visit on days 8–14 bills 99495;
 * - none when the patient died within the period, when the discharge was already billed, or with
 *   MDM below moderate. The date of service is the visit date.
 */

const Instant = z.iso.datetime({ offset: true });

export const TcmInput = z.object({
  timeZone: z.string().check(z.minLength(1)),
  discharge: z.object({
    at: Instant,
    from: z.enum([
      'inpatient-acute',
      'inpatient-psychiatric',
      'long-term-care-hospital',
      'skilled-nursing',
      'inpatient-rehabilitation',
      'observation',
      'partial-hospitalization',
    ]),
    to: z.enum(['home', 'assisted-living', 'domiciliary', 'skilled-nursing', 'hospice', 'other-facility']),
  }),
  contactAttempts: z.array(z.object({ at: Instant, successful: z.boolean(), interactive: z.boolean() })),
  faceToFaceVisitAt: z.nullable(Instant),
  medicalDecisionMaking: z.nullable(z.enum(['straightforward', 'low', 'moderate', 'high'])),
  diedAt: z.nullable(Instant),
  alreadyBilledForThisDischarge: z.boolean(),
});
export type TcmInput = z.infer<typeof TcmInput>;

/** Why no TCM line was billed; the order is the reporting order. */
export const TCM_REASON_CODES = [
  'NOT_COMMUNITY_SETTING',
  'ALREADY_BILLED',
  'DIED_IN_PERIOD',
  'NO_TIMELY_CONTACT',
  'NO_FACE_TO_FACE',
  'FACE_TO_FACE_BEFORE_DISCHARGE',
  'FACE_TO_FACE_LATE',
  'MDM_BELOW_MODERATE',
] as const;
export type TcmReasonCode = (typeof TCM_REASON_CODES)[number];

export const TcmDecision = z.object({
  lines: z.array(
    z.object({ code: z.enum([TCM.moderate, TCM.high]), units: z.literal(1), dateOfService: z.iso.date() }),
  ),
  reasons: z.array(z.enum(TCM_REASON_CODES)),
});
export type TcmDecision = z.infer<typeof TcmDecision>;

const COMMUNITY = new Set(['home', 'assisted-living', 'domiciliary']);
const CONTACT_BUSINESS_DAYS = 2;
const HIGH_VISIT_DAYS = 7;
const MODERATE_VISIT_DAYS = 14;
const PERIOD_DAYS = 30;

/** Decides TCM for one discharge. Pure; validates its input (throws a ZodError on invalid input). */
export const decideTcm = (raw: TcmInput): TcmDecision => {
  const input = TcmInput.parse(raw);
  const dateOf = (instant: string) => localDate(epochMsOf(instant), input.timeZone);
  const dischargeDate = dateOf(input.discharge.at);
  const periodEnd = addDays(dischargeDate, PERIOD_DAYS - 1);
  const contactDue = addBusinessDays(dischargeDate, CONTACT_BUSINESS_DAYS);
  const dischargeMs = Date.parse(input.discharge.at);
  const reasons: TcmReasonCode[] = [];

  if (!COMMUNITY.has(input.discharge.to)) reasons.push('NOT_COMMUNITY_SETTING');
  if (input.alreadyBilledForThisDischarge) reasons.push('ALREADY_BILLED');
  if (input.diedAt !== null && dateOf(input.diedAt) <= periodEnd) reasons.push('DIED_IN_PERIOD');

  const timely = input.contactAttempts.filter(
    (attempt) => Date.parse(attempt.at) >= dischargeMs && dateOf(attempt.at) <= contactDue,
  );
  const reached = timely.some((attempt) => attempt.successful && attempt.interactive);
  if (!reached && timely.length < 2) reasons.push('NO_TIMELY_CONTACT');

  let code: (typeof TCM)[keyof typeof TCM] | undefined;
  let visitDate: string | undefined;
  if (input.faceToFaceVisitAt === null) reasons.push('NO_FACE_TO_FACE');
  else {
    visitDate = dateOf(input.faceToFaceVisitAt);
    const day = daysBetween(dischargeDate, visitDate);
    const mdm = input.medicalDecisionMaking;
    if (day < 0) reasons.push('FACE_TO_FACE_BEFORE_DISCHARGE');
    else if (day > MODERATE_VISIT_DAYS) reasons.push('FACE_TO_FACE_LATE');
    if (mdm !== 'moderate' && mdm !== 'high') reasons.push('MDM_BELOW_MODERATE');
    else if (day >= 0 && day <= MODERATE_VISIT_DAYS)
      code = mdm === 'high' && day <= HIGH_VISIT_DAYS ? TCM.high : TCM.moderate;
  }

  if (reasons.length > 0 || !code || !visitDate) {
    const order = (r: TcmReasonCode) => TCM_REASON_CODES.indexOf(r);
    return { lines: [], reasons: [...new Set(reasons)].sort((a, b) => order(a) - order(b)) };
  }
  return { lines: [{ code, units: 1, dateOfService: visitDate }], reasons: [] };
};
