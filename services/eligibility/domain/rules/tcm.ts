import { addBusinessDays, addDays, daysBetween, parseIsoDate } from '@carelink/calendar';
import type { DischargeDestination, DischargeFacilityType } from '@carelink/contracts';
import { coverageFindings } from '../coverage-gate';
import { type Finding, finding, outcomeOf } from '../findings';
import type { ReferralFacts } from '../referral-facts';
import type { ProgramResultBase, RuleContext } from './rule-context';

/** Transitional Care Management result; deadlines are present once the discharge is known. */
export interface TcmResult extends ProgramResultBase<'tcm'> {
  readonly dischargeDate?: string;
  readonly facilityType?: DischargeFacilityType;
  readonly destination?: DischargeDestination;
  readonly daysSinceDischarge?: number;
  /** Last day for the interactive contact: business days after discharge, holidays skipped. */
  readonly interactiveContactDue?: string;
  /** Last day for the face-to-face visit when medical decision making is of high complexity. */
  readonly faceToFaceDueHighComplexity?: string;
  /** Last day for the face-to-face visit when medical decision making is at least moderate. */
  readonly faceToFaceDueModerateComplexity?: string;
}

/** The settings TCM transitions a patient to. */
const COMMUNITY_SETTINGS: ReadonlySet<string> = new Set(['home', 'assisted-living', 'domiciliary']);

/**
 * TCM follows a discharge from an inpatient, observation, SNF or partial hospitalization stay. Its
 * period is the discharge date and the next 29 days (30 days by default: discharged 29 days ago
 * qualifies, 30 does not), and it needs the face-to-face visit within 14 days: once that deadline
 * has passed there is no TCM left to provide.
 */
export function evaluateTcm(referral: ReferralFacts, ctx: RuleContext): TcmResult {
  const policy = ctx.policy.tcm;
  const { reason } = referral;
  const coverage = coverageFindings(referral, ctx.coverage, ctx.today, policy);
  if (reason.type !== 'post-discharge') {
    const findings = [
      finding('ineligible', 'NOT_POST_DISCHARGE', 'The referral is not for a post-discharge transition.'),
      ...coverage,
    ];
    return { program: 'tcm', ...outcomeOf(findings) };
  }

  const findings: Finding[] = [];
  const facilityType = reason.dischargeFacility?.type;
  if (facilityType === undefined) {
    findings.push(
      finding('needs-information', 'DISCHARGE_FACILITY_MISSING', 'The discharge facility type is missing.'),
    );
  } else if (!policy.eligibleFacilityTypes.includes(facilityType)) {
    findings.push(
      finding(
        'ineligible',
        'FACILITY_TYPE_NOT_ELIGIBLE',
        'The discharge facility type does not qualify for TCM.',
      ),
    );
  }
  const destination = reason.dischargeDestination;
  if (destination !== undefined && !COMMUNITY_SETTINGS.has(destination)) {
    findings.push(
      finding(
        'ineligible',
        'NOT_COMMUNITY_SETTING',
        'TCM follows a discharge to home, assisted living or a domiciliary.',
      ),
    );
  }
  if (reason.dischargeDate === undefined) {
    findings.push(finding('needs-information', 'DISCHARGE_DATE_MISSING', 'The discharge date is missing.'));
    return {
      program: 'tcm',
      ...outcomeOf([...findings, ...coverage]),
      ...(facilityType ? { facilityType } : {}),
    };
  }

  const discharge = parseIsoDate(reason.dischargeDate);
  const daysSinceDischarge = daysBetween(discharge, parseIsoDate(ctx.today));
  if (daysSinceDischarge < 0) {
    findings.push(
      finding(
        'needs-information',
        'DISCHARGE_DATE_IN_FUTURE',
        'The discharge date is after the determination date.',
      ),
    );
  } else if (daysSinceDischarge >= policy.dischargeWindowDays) {
    findings.push(
      finding(
        'ineligible',
        'DISCHARGE_WINDOW_EXPIRED',
        `The ${policy.dischargeWindowDays}-day period from the discharge date has ended.`,
      ),
    );
  } else if (daysSinceDischarge > policy.faceToFaceModerateComplexityDays) {
    findings.push(
      finding(
        'ineligible',
        'FACE_TO_FACE_WINDOW_PASSED',
        `The face-to-face visit was due within ${policy.faceToFaceModerateComplexityDays} days of the discharge.`,
      ),
    );
  } else {
    findings.push(
      finding(
        'note',
        'DISCHARGE_WITHIN_WINDOW',
        `The discharge was within the last ${policy.dischargeWindowDays} days.`,
      ),
    );
  }

  const interactiveContactDue = addBusinessDays(reason.dischargeDate, policy.interactiveContactBusinessDays);
  if (daysSinceDischarge >= 0 && interactiveContactDue < ctx.today) {
    findings.push(
      finding(
        'note',
        'INTERACTIVE_CONTACT_WINDOW_PASSED',
        'The interactive contact deadline has passed; TCM still applies only if timely attempts were documented.',
      ),
    );
  }
  return {
    program: 'tcm',
    ...outcomeOf([...findings, ...coverage]),
    dischargeDate: reason.dischargeDate,
    ...(facilityType ? { facilityType } : {}),
    ...(destination ? { destination } : {}),
    daysSinceDischarge,
    interactiveContactDue,
    faceToFaceDueHighComplexity: addDays(discharge, policy.faceToFaceHighComplexityDays),
    faceToFaceDueModerateComplexity: addDays(discharge, policy.faceToFaceModerateComplexityDays),
  };
}
