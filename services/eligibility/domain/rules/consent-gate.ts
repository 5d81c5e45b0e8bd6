import { type ConsentProgram, requiresNewConsent } from '../consent';
import { type Finding, finding } from '../findings';
import type { ReferralFacts } from '../referral-facts';
import type { RuleContext } from './rule-context';

/** Consent stays required until an active consent for the program and practitioner is on file. */
export function consentFindings(
  program: ConsentProgram,
  practitioner: ReferralFacts['attributedPractitioner'],
  consent: RuleContext['consent'],
): { required: boolean; findings: Finding[] } {
  if (
    practitioner &&
    consent &&
    !requiresNewConsent(consent.records, program, practitioner.npi, consent.at)
  ) {
    return {
      required: false,
      findings: [finding('note', 'CONSENT_ON_FILE', 'Consent for the billing practitioner is on file.')],
    };
  }
  return {
    required: true,
    findings: [
      finding('note', 'CONSENT_REQUIRED', 'Patient consent must be recorded before services start.'),
    ],
  };
}
