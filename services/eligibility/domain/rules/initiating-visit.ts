import { addMonths, parseIsoDate } from '@carelink/calendar';
import { type Finding, finding } from '../findings';
import type { ReferralFacts } from '../referral-facts';

/**
 * CCM and PCM need an initiating visit when the billing practitioner has not seen the patient
 * within the look-back: the last visit must be on or after `today` minus the look-back months.
 */
export function initiatingVisitFindings(
  practitioner: ReferralFacts['attributedPractitioner'],
  today: string,
  lookbackMonths: number,
): { required: boolean; findings: Finding[] } {
  const required = finding(
    'note',
    'INITIATING_VISIT_REQUIRED',
    'No visit with the billing practitioner in the look-back period; an initiating visit is required before services start.',
  );
  if (practitioner?.lastVisitDate === undefined) return { required: true, findings: [required] };
  const lastVisit = parseIsoDate(practitioner.lastVisitDate);
  const day = parseIsoDate(today);
  if (lastVisit > day) {
    return {
      required: true,
      findings: [
        finding(
          'needs-information',
          'VISIT_DATE_IN_FUTURE',
          'The last visit date is after the determination date.',
        ),
      ],
    };
  }
  if (lastVisit < addMonths(day, -lookbackMonths)) {
    return { required: true, findings: [required] };
  }
  return {
    required: false,
    findings: [
      finding(
        'note',
        'RECENT_VISIT',
        'The billing practitioner has seen the patient within the look-back period.',
      ),
    ],
  };
}
