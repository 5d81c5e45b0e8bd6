import { DischargeFacilityType, PlanType, parseOrThrow, ReferralReasonType } from '@carelink/contracts';
import * as z from 'zod/mini';

const MEDICARE_PLANS: PlanType[] = ['medicare', 'medicare-advantage', 'dual'];
const ALL_PLANS: PlanType[] = [...PlanType.options];

/** Thresholds of the gates CCM and PCM share: the initiating-visit look-back and the plans billed. */
const monthlyCareGatePolicy = {
  initiatingVisitLookbackMonths: z._default(z.int().check(z.gte(1), z.lte(12)), 12),
  eligiblePlanTypes: z._default(z.array(PlanType).check(z.minLength(1)), MEDICARE_PLANS),
};

const CcmPolicy = z.object({
  minConditionCategories: z._default(z.int().check(z.gte(2)), 2),
  minExpectedDurationMonths: z._default(z.int().check(z.gte(12)), 12),
  ...monthlyCareGatePolicy,
});

const PcmPolicy = z.object({
  minExpectedDurationMonths: z._default(z.int().check(z.gte(3)), 3),
  ...monthlyCareGatePolicy,
});

const TcmPolicy = z.object({
  dischargeWindowDays: z._default(z.int().check(z.gte(1), z.lte(30)), 30),
  interactiveContactBusinessDays: z._default(z.int().check(z.gte(1), z.lte(2)), 2),
  faceToFaceHighComplexityDays: z._default(z.int().check(z.gte(1), z.lte(7)), 7),
  faceToFaceModerateComplexityDays: z._default(z.int().check(z.gte(1), z.lte(14)), 14),
  eligibleFacilityTypes: z._default(z.array(DischargeFacilityType).check(z.minLength(1)), [
    ...DischargeFacilityType.options,
  ]),
  eligiblePlanTypes: z._default(z.array(PlanType).check(z.minLength(1)), ALL_PLANS),
  requiresActiveCoverage: z._default(z.boolean(), true),
});

const CaseManagementPolicy = z.object({
  acuteNeedReasonTypes: z._default(z.array(ReferralReasonType), [
    'acute-event',
    'post-discharge',
    'high-utilizer',
    'behavioral-health',
  ]),
  acuteEventReasonTypes: z._default(z.array(ReferralReasonType), ['acute-event', 'post-discharge']),
  minAdmissions6m: z._default(z.int().check(z.gte(1)), 2),
  minEdVisits6m: z._default(z.int().check(z.gte(1)), 3),
  authorizationRequiredFor: z._default(z.array(PlanType), ['medicaid', 'commercial']),
  eligiblePlanTypes: z._default(z.array(PlanType).check(z.minLength(1)), ALL_PLANS),
  requiresActiveCoverage: z._default(z.boolean(), true),
});

/**
 * Per-tenant eligibility thresholds. Every field has a default matching the CMS rules, and the
 * bounds stop a tenant from configuring something looser than the billing rules allow (a CCM
 * look-back over 12 months, a TCM window over 30 days).
 */
export const EligibilityPolicy = z.object({
  ccm: z.prefault(CcmPolicy, {}),
  pcm: z.prefault(PcmPolicy, {}),
  tcm: z.prefault(TcmPolicy, {}),
  caseManagement: z.prefault(CaseManagementPolicy, {}),
});
/** Resolved policy with every threshold present. */
export type EligibilityPolicy = z.infer<typeof EligibilityPolicy>;
/** Tenant overrides as stored: any subset of the policy. */
export type EligibilityPolicyOverrides = z.input<typeof EligibilityPolicy>;

/** Fills tenant overrides with defaults; throws `InvalidInputError` listing the bad fields. */
export function resolvePolicy(overrides: EligibilityPolicyOverrides = {}): EligibilityPolicy {
  return parseOrThrow(EligibilityPolicy, overrides, 'eligibility policy');
}
