import type { PlanType } from '@carelink/contracts';
import type { ConsentProgram } from '../consent';
import { coverageFindings } from '../coverage-gate';
import type { Finding } from '../findings';
import type { ReferralFacts } from '../referral-facts';
import { consentFindings } from './consent-gate';
import { initiatingVisitFindings } from './initiating-visit';
import type { RuleContext } from './rule-context';

/** The part of the CCM and PCM policies that their shared gates read. */
export interface MonthlyCareGatePolicy {
  readonly eligiblePlanTypes: readonly PlanType[];
  readonly initiatingVisitLookbackMonths: number;
}

/**
 * The gates CCM and PCM share, in the order their reasons are reported: active coverage under an
 * eligible plan, an initiating visit within the look-back, and consent for the program.
 */
export function monthlyCareGates(
  program: ConsentProgram,
  referral: ReferralFacts,
  ctx: RuleContext,
  policy: MonthlyCareGatePolicy,
): { findings: Finding[]; initiatingVisitRequired: boolean; consentRequired: boolean } {
  const coverage = coverageFindings(referral, ctx.coverage, ctx.today, {
    eligiblePlanTypes: policy.eligiblePlanTypes,
    requiresActiveCoverage: true,
  });
  const visit = initiatingVisitFindings(
    referral.attributedPractitioner,
    ctx.today,
    policy.initiatingVisitLookbackMonths,
  );
  const consent = consentFindings(program, referral.attributedPractitioner, ctx.consent);
  return {
    findings: [...coverage, ...visit.findings, ...consent.findings],
    initiatingVisitRequired: visit.required,
    consentRequired: consent.required,
  };
}
