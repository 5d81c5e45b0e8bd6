import { parseIsoDate } from '@carelink/calendar';
import type { PlanType } from '@carelink/contracts';
import type { CoverageResult } from './coverage';
import { type Finding, finding } from './findings';
import type { ReferralFacts } from './referral-facts';

/** What a coverage gate needs to know about one program. */
export interface CoverageGateOptions {
  readonly eligiblePlanTypes: readonly PlanType[];
  readonly requiresActiveCoverage: boolean;
}

/**
 * The plan type rules act on: the payer's answer when coverage is confirmed, otherwise what the
 * partner reported.
 */
export function effectivePlanType(referral: ReferralFacts, coverage: CoverageResult): PlanType {
  return coverage.status === 'active' ? coverage.planType : referral.coverage.planType;
}

/**
 * Findings about coverage on `today`. The verifier's answer decides whether coverage is active;
 * the partner's dates are cross-checked, and a disagreement asks for information rather than
 * picking a side.
 */
export function coverageFindings(
  referral: ReferralFacts,
  coverage: CoverageResult,
  today: string,
  options: CoverageGateOptions,
): Finding[] {
  const planType = effectivePlanType(referral, coverage);
  if (!options.eligiblePlanTypes.includes(planType)) {
    return [
      finding('ineligible', 'PLAN_TYPE_NOT_ELIGIBLE', 'The coverage plan type does not cover this program.'),
    ];
  }
  if (!options.requiresActiveCoverage) return [];
  if (coverage.status === 'unknown') {
    return [
      finding(
        'needs-information',
        'COVERAGE_UNVERIFIED',
        'Coverage could not be verified with the payer; verify it before enrolling.',
      ),
    ];
  }
  if (coverage.status === 'inactive') {
    return [
      finding(
        'ineligible',
        'COVERAGE_INACTIVE',
        'The payer reports no active coverage on the determination date.',
      ),
    ];
  }
  const day = parseIsoDate(today);
  const { startDate, endDate } = referral.coverage;
  const started = parseIsoDate(startDate) <= day;
  const notEnded = endDate === undefined || parseIsoDate(endDate) >= day;
  if (!started || !notEnded) {
    return [
      finding(
        'needs-information',
        'COVERAGE_DATES_CONFLICT',
        'The payer reports active coverage but the referral coverage dates do not include the determination date.',
      ),
    ];
  }
  return [finding('note', 'COVERAGE_ACTIVE', 'Coverage is active on the determination date.')];
}
