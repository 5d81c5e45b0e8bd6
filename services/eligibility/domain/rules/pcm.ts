import type { ConditionCategoryId } from '../chronic-conditions.data';
import { distinctConditionCategories } from '../condition-index';
import { type Finding, finding, outcomeOf } from '../findings';
import type { ReferralFacts } from '../referral-facts';
import { monthlyCareGates } from './monthly-care-gates';
import type { ProgramResultBase, RuleContext } from './rule-context';

/** Principal Care Management result. */
export interface PcmResult extends ProgramResultBase<'pcm'> {
  /** Complex condition categories that could be the principal condition. */
  readonly complexConditionCategories: readonly ConditionCategoryId[];
  readonly initiatingVisitRequired: boolean;
  readonly consentRequired: boolean;
}

/**
 * PCM needs one complex chronic condition expected to last at least 3 months, with the same
 * coverage, initiating-visit and consent requirements as CCM.
 */
export function evaluatePcm(referral: ReferralFacts, ctx: RuleContext): PcmResult {
  const policy = ctx.policy.pcm;
  const complex = distinctConditionCategories(referral.diagnoses.map((d) => d.code)).filter(
    (category) => category.pcmComplex && category.expectedDurationMonths >= policy.minExpectedDurationMonths,
  );
  const gates = monthlyCareGates('pcm', referral, ctx, policy);
  const findings: Finding[] = [
    complex.length > 0
      ? finding('note', 'COMPLEX_CONDITION_MET', 'A complex chronic condition is documented.')
      : finding(
          'ineligible',
          'NO_COMPLEX_CONDITION',
          `No complex chronic condition expected to last ${policy.minExpectedDurationMonths} months or more is documented.`,
        ),
    ...gates.findings,
  ];
  return {
    program: 'pcm',
    ...outcomeOf(findings),
    complexConditionCategories: complex.map((category) => category.id),
    initiatingVisitRequired: gates.initiatingVisitRequired,
    consentRequired: gates.consentRequired,
  };
}
