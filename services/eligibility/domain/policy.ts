import { DischargeFacilityType, PlanType, parseOrThrow, ReferralReasonType } from '@carelink/contracts';
import * as z from 'zod';

const MEDICARE_PLANS: PlanType[] = ['medicare', 'medicare-advantage', 'dual'];
const ALL_PLANS: PlanType[] = [...PlanType.options];

/** Thresholds of the gates CCM and PCM share: the initiating-visit look-back and the plans billed. */
const monthlyCareGatePolicy = {
  initiatingVisitLookbackMonths: z.int().min(1).max(12).default(12),
  eligiblePlanTypes: z.array(PlanType).min(1).default(MEDICARE_PLANS),
};

const CcmPolicy = z.object({
  minConditionCategories: z.int().min(2).default(2),
  minExpectedDurationMonths: z.int().min(12).default(12),
  ...monthlyCareGatePolicy,
});

const PcmPolicy = z.object({
  minExpectedDurationMonths: z.int().min(3).default(3),
  ...monthlyCareGatePolicy,
});

const TcmPolicy = z.object({
  dischargeWindowDays: z.int().min(1).max(30).default(30),
  interactiveContactBusinessDays: z.int().min(1).max(2).default(2),
  faceToFaceHighComplexityDays: z.int().min(1).max(7).default(7),
  faceToFaceModerateComplexityDays: z.int().min(1).max(14).default(14),
  eligibleFacilityTypes: z
    .array(DischargeFacilityType)
    .min(1)
    .default([...DischargeFacilityType.options]),
  eligiblePlanTypes: z.array(PlanType).min(1).default(ALL_PLANS),
  requiresActiveCoverage: z.boolean().default(true),
});

const CaseManagementPolicy = z.object({
  acuteNeedReasonTypes: z
    .array(ReferralReasonType)
    .default(['acute-event', 'post-discharge', 'high-utilizer', 'behavioral-health']),
  acuteEventReasonTypes: z.array(ReferralReasonType).default(['acute-event', 'post-discharge']),
  minAdmissions6m: z.int().min(1).default(2),
  minEdVisits6m: z.int().min(1).default(3),
  authorizationRequiredFor: z.array(PlanType).default(['medicaid', 'commercial']),
  eligiblePlanTypes: z.array(PlanType).min(1).default(ALL_PLANS),
  requiresActiveCoverage: z.boolean().default(true),
});

/**
 * Per-tenant eligibility thresholds. Every field has a default matching the CMS rules, and the
 * bounds stop a tenant from configuring something looser than the billing rules allow (a CCM
 * look-back over 12 months, a TCM window over 30 days).
 */
export const EligibilityPolicy = z.object({
  ccm: CcmPolicy.prefault({}),
  pcm: PcmPolicy.prefault({}),
  tcm: TcmPolicy.prefault({}),
  caseManagement: CaseManagementPolicy.prefault({}),
});
/** Resolved policy with every threshold present. */
export type EligibilityPolicy = z.infer<typeof EligibilityPolicy>;
/** Tenant overrides as stored: any subset of the policy. */
export type EligibilityPolicyOverrides = z.input<typeof EligibilityPolicy>;

/** Fills tenant overrides with defaults; throws `InvalidInputError` listing the bad fields. */
export function resolvePolicy(overrides: EligibilityPolicyOverrides = {}): EligibilityPolicy {
  return parseOrThrow(EligibilityPolicy, overrides, 'eligibility policy');
}
