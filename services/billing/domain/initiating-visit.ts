import { addMonths, epochMsOf, localDate } from '@carelink/calendar';

/**
 * CCM, PCM and APCM start with an initiating visit (an E/M visit, AWV or IPPE) by the billing
 * practitioner, unless that practitioner saw the patient within the 12 months before care
 * management began. Compared by calendar date in the practice's zone: a visit on the same date one
 * year before consent still counts.
 */
export const hasInitiatingVisit = (
  lastQualifyingVisitAt: string | null,
  consentObtainedAt: string,
  timeZone: string,
): boolean => {
  if (lastQualifyingVisitAt === null) return false;
  const dateOf = (instant: string) => localDate(epochMsOf(instant), timeZone);
  const earliest = addMonths(dateOf(consentObtainedAt), -12);
  return dateOf(lastQualifyingVisitAt) >= earliest;
};
