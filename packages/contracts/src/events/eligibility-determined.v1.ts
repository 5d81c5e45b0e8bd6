import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { IanaTimeZone, Icd10CmCode, IsoDate, Npi, Program, Ulid } from '../primitives';
import { PatientKey } from './referral-received.v1';
import {
  DeterminationStatus,
  DischargeDestination,
  DischargeFacilityType,
  PlanType,
  ReasonCode,
} from './shared';

/** TCM deadlines, present once the discharge date is known. */
export const TcmDeadlines = z.object({
  dischargeDate: IsoDate,
  interactiveContactDue: IsoDate,
  faceToFaceDueHighComplexity: IsoDate,
  faceToFaceDueModerateComplexity: IsoDate,
  /** Where the patient was discharged from, as the referral said. */
  dischargeFacilityType: z.optional(DischargeFacilityType),
  /** Where the patient went, when the referral said. */
  dischargeDestination: z.optional(DischargeDestination),
});
export type TcmDeadlines = z.infer<typeof TcmDeadlines>;

export const ProgramDetermination = z.object({
  program: Program,
  status: DeterminationStatus,
  reasons: z.array(ReasonCode),
  /** The reasons that decide an `ineligible` or `needs-information` status (what is missing or failing). */
  blockingReasons: z.optional(z.array(ReasonCode)),
  initiatingVisitRequired: z.optional(z.boolean()),
  consentRequired: z.optional(z.boolean()),
  /** Case management: the plan requires a funding authorization. */
  authorizationRequired: z.optional(z.boolean()),
  tcm: z.optional(TcmDeadlines),
});
export type ProgramDetermination = z.infer<typeof ProgramDetermination>;

export const EligibilityDeterminedData = z.object({
  referralId: Ulid,
  patientId: Ulid,
  practiceId: z.string(),
  determinationVersion: z.int().check(z.gte(1)),
  planType: PlanType,
  programs: z.array(ProgramDetermination),
  conditionCategories: z.array(z.string()),
  complexConditionForPcm: z.boolean(),
  preferredLanguage: z.optional(z.string()),
  timeZone: IanaTimeZone,
  /** The payer's answer used for this determination; `unknown` is re-verified until it clears. */
  coverageStatus: z.optional(z.enum(['active', 'inactive', 'unknown'])),
  /** Determination date in the practice's time zone. */
  determinedOn: z.optional(IsoDate),
  /**
   * The referral's attributed practitioner and the date it last saw the patient: billing counts it
   * as the initiating visit when that practitioner bills.
   */
  lastVisit: z.optional(z.object({ npi: Npi, date: IsoDate })),
  /** The patient key (see `ReferralReceived`), for billing's patient-month lock across practices and tenants. */
  patientKey: z.optional(PatientKey),
  /**
   * The patient's documented ICD-10-CM codes, as the referral gave them, each with the chronic
   * condition categories it qualifies for (none for an acute or other diagnosis): claims carry these.
   */
  diagnoses: z.optional(
    z.array(z.object({ code: Icd10CmCode, categories: z.array(z.string()) })).check(z.maxLength(200)),
  ),
});

export const EligibilityDeterminedV1 = defineEvent({
  source: 'carelink.eligibility',
  detailType: 'EligibilityDetermined',
  version: 1,
  description: 'Programs a referred member qualifies for, with machine reason codes.',
  data: EligibilityDeterminedData,
  example: {
    referralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    practiceId: 'practice-boston',
    determinationVersion: 1,
    planType: 'medicare-advantage',
    programs: [
      { program: 'ccm', status: 'eligible', reasons: ['CHRONIC_CONDITIONS_MET'], consentRequired: true },
    ],
    conditionCategories: ['diabetes', 'heart-failure', 'chronic-kidney-disease'],
    complexConditionForPcm: true,
    preferredLanguage: 'en',
    timeZone: 'America/New_York',
    coverageStatus: 'active',
    determinedOn: '2026-10-02',
  },
});
