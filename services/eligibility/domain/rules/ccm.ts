import type { ConditionCategoryId } from '../chronic-conditions.data';
import { distinctConditionCategories } from '../condition-index';
import { type Finding, finding, outcomeOf } from '../findings';
import type { ReferralFacts } from '../referral-facts';
import { monthlyCareGates } from './monthly-care-gates';
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
  const gates = monthlyCareGates('ccm', referral, ctx, policy);
  const findings: Finding[] = [
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
    ...gates.findings,
  ];
  return {
    program: 'ccm',
    ...outcomeOf(findings),
    conditionCategories: categories.map((category) => category.id),
    initiatingVisitRequired: gates.initiatingVisitRequired,
    consentRequired: gates.consentRequired,
  };
}
