import type { ConditionCategoryId } from '../chronic-conditions.data';
import { distinctConditionCategories } from '../condition-index';
import { coverageFindings } from '../coverage-gate';
import { type Finding, finding, outcomeOf } from '../findings';
import type { ReferralFacts } from '../referral-facts';
import { consentFindings } from './consent-gate';
import { initiatingVisitFindings } from './initiating-visit';
import type { ProgramResultBase, RuleContext } from './rule-context';

/** Chronic Care Management result. */
export interface CcmResult extends ProgramResultBase<'ccm'> {
  /** Distinct qualifying chronic condition categories found in the diagnoses. */
  readonly conditionCategories: readonly ConditionCategoryId[];
  readonly initiatingVisitRequired: boolean;
  readonly consentRequired: boolean;
}

/**
 * CCM needs two or more chronic conditions expected to last at least 12 months, counted by
 * category so that two diabetes codes are one condition, plus active Medicare coverage.
 */
export function evaluateCcm(referral: ReferralFacts, ctx: RuleContext): CcmResult {
  const policy = ctx.policy.ccm;
  const categories = distinctConditionCategories(referral.diagnoses.map((d) => d.code)).filter(
    (category) => category.expectedDurationMonths >= policy.minExpectedDurationMonths,
  );
  const findings: Finding[] = [];
  findings.push(
    categories.length >= policy.minConditionCategories
      ? finding(
          'note',
          'CHRONIC_CONDITIONS_MET',
          `At least ${policy.minConditionCategories} chronic condition categories are documented.`,
        )
      : finding(
          'ineligible',
          'INSUFFICIENT_CHRONIC_CONDITIONS',
          `Fewer than ${policy.minConditionCategories} distinct chronic condition categories are documented.`,
        ),
  );
  findings.push(
    ...coverageFindings(referral, ctx.coverage, ctx.today, {
      eligiblePlanTypes: policy.eligiblePlanTypes,
      requiresActiveCoverage: true,
    }),
  );
  const visit = initiatingVisitFindings(
    referral.attributedPractitioner,
    ctx.today,
    policy.initiatingVisitLookbackMonths,
  );
  const consent = consentFindings('ccm', referral.attributedPractitioner, ctx.consent);
  findings.push(...visit.findings, ...consent.findings);
  return {
    program: 'ccm',
    ...outcomeOf(findings),
    conditionCategories: categories.map((category) => category.id),
    initiatingVisitRequired: visit.required,
    consentRequired: consent.required,
  };
}
