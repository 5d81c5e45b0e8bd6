import { parseIsoDate } from '@carelink/calendar';
import type { AcuteEventId } from '../acute-diagnoses.data';
import { acuteEventOf } from '../condition-index';
import { coverageFindings, effectivePlanType } from '../coverage-gate';
import { type Finding, finding, outcomeOf } from '../findings';
import type { ReferralFacts } from '../referral-facts';
import type { ProgramResultBase, RuleContext } from './rule-context';

/** Case management result. */
export interface CaseManagementResult extends ProgramResultBase<'case-management'> {
  /** Acute events documented by the diagnoses (stroke, myocardial infarction, hip fracture). */
  readonly acuteEvents: readonly AcuteEventId[];
  readonly acuteNeed: boolean;
  readonly utilizationThresholdMet: boolean;
  readonly authorizationRequired: boolean;
}

function authorizationFindings(referral: ReferralFacts, today: string): Finding[] {
  const { authorization } = referral;
  if (authorization === undefined) {
    return [
      finding(
        'needs-information',
        'AUTHORIZATION_MISSING',
        'The plan requires an authorization and none was provided.',
      ),
    ];
  }
  if (parseIsoDate(authorization.validUntil) < parseIsoDate(today)) {
    return [finding('needs-information', 'AUTHORIZATION_EXPIRED', 'The authorization has expired.')];
  }
  if (authorization.authorizedUnits <= 0) {
    return [
      finding('needs-information', 'AUTHORIZATION_NO_UNITS', 'The authorization has no authorized units.'),
    ];
  }
  return [finding('note', 'AUTHORIZATION_VALID', 'A valid authorization is on file.')];
}

/**
 * Case management needs an acute need (reason or acute diagnosis), then either high utilization
 * or an acute event, and funding: plans that require authorization need a current one with units.
 */
export function evaluateCaseManagement(referral: ReferralFacts, ctx: RuleContext): CaseManagementResult {
  const policy = ctx.policy.caseManagement;
  const acuteEvents = [...new Set(referral.diagnoses.flatMap((d) => acuteEventOf(d.code) ?? []))];
  const acuteNeed = policy.acuteNeedReasonTypes.includes(referral.reason.type) || acuteEvents.length > 0;
  const acuteEvent = policy.acuteEventReasonTypes.includes(referral.reason.type) || acuteEvents.length > 0;
  const { admissions6m, edVisits6m } = referral.utilization;
  const utilizationThresholdMet =
    admissions6m >= policy.minAdmissions6m || edVisits6m >= policy.minEdVisits6m;

  const findings: Finding[] = [
    acuteNeed
      ? finding('note', 'ACUTE_NEED', 'The referral documents an acute need.')
      : finding('ineligible', 'NO_ACUTE_NEED', 'The referral does not document an acute need.'),
  ];
  if (utilizationThresholdMet) {
    findings.push(
      finding(
        'note',
        'UTILIZATION_THRESHOLD_MET',
        'Recent admissions or emergency visits meet the threshold.',
      ),
    );
  }
  if (acuteEvent)
    findings.push(finding('note', 'ACUTE_EVENT', 'The referral documents a recent acute event.'));
  if (!utilizationThresholdMet && !acuteEvent) {
    findings.push(
      finding(
        'ineligible',
        'UTILIZATION_BELOW_THRESHOLD',
        `Fewer than ${policy.minAdmissions6m} admissions and ${policy.minEdVisits6m} emergency visits in 6 months, and no acute event.`,
      ),
    );
  }
  findings.push(...coverageFindings(referral, ctx.coverage, ctx.today, policy));

  const authorizationRequired = policy.authorizationRequiredFor.includes(
    effectivePlanType(referral, ctx.coverage),
  );
  if (authorizationRequired) findings.push(...authorizationFindings(referral, ctx.today));

  return {
    program: 'case-management',
    ...outcomeOf(findings),
    acuteEvents,
    acuteNeed,
    utilizationThresholdMet,
    authorizationRequired,
  };
}
