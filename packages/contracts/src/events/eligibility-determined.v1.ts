import * as z from 'zod';
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
  dischargeFacilityType: DischargeFacilityType.optional(),
  /** Where the patient went, when the referral said. */
  dischargeDestination: DischargeDestination.optional(),
});
export type TcmDeadlines = z.infer<typeof TcmDeadlines>;

export const ProgramDetermination = z.object({
  program: Program,
  status: DeterminationStatus,
  reasons: z.array(ReasonCode),
  /** The reasons that decide an `ineligible` or `needs-information` status (what is missing or failing). */
  blockingReasons: z.array(ReasonCode).optional(),
  initiatingVisitRequired: z.boolean().optional(),
  consentRequired: z.boolean().optional(),
  /** Case management: the plan requires a funding authorization. */
  authorizationRequired: z.boolean().optional(),
  tcm: TcmDeadlines.optional(),
});
export type ProgramDetermination = z.infer<typeof ProgramDetermination>;

export const EligibilityDeterminedData = z.object({
  referralId: Ulid,
  patientId: Ulid,
  practiceId: z.string(),
  determinationVersion: z.int().min(1),
  planType: PlanType,
  programs: z.array(ProgramDetermination),
  conditionCategories: z.array(z.string()),
  complexConditionForPcm: z.boolean(),
  preferredLanguage: z.string().optional(),
  timeZone: IanaTimeZone,
  /** The payer's answer used for this determination; `unknown` is re-verified until it clears. */
  coverageStatus: z.enum(['active', 'inactive', 'unknown']).optional(),
  /** Determination date in the practice's time zone. */
  determinedOn: IsoDate.optional(),
  /**
   * The referral's attributed practitioner and the date it last saw the patient: billing counts it
   * as the initiating visit when that practitioner bills.
   */
  lastVisit: z.object({ npi: Npi, date: IsoDate }).optional(),
  /** The patient key (see `ReferralReceived`), for billing's patient-month lock across practices and tenants. */
  patientKey: PatientKey.optional(),
  /**
   * The patient's documented ICD-10-CM codes, as the referral gave them, each with the chronic
   * condition categories it qualifies for (none for an acute or other diagnosis): claims carry these.
   */
  diagnoses: z
    .array(z.object({ code: Icd10CmCode, categories: z.array(z.string()) }))
    .max(200)
    .optional(),
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
