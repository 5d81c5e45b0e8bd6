import {
  DischargeDestination,
  DischargeFacilityType,
  isIcd10CmCode,
  isValidNpi,
  PlanType,
  Program,
  parseOrThrow,
  ReferralReasonType,
} from '@carelink/contracts';
import * as z from 'zod';

const IsoDate = z.iso.date();

/** An ICD-10-CM code, with or without the dot, in any case. */
export const Icd10CmCode = z.string().refine(isIcd10CmCode, { message: 'Expected an ICD-10-CM code' });

/** A 10-digit NPI with a valid check digit. */
export const Npi = z.string().refine(isValidNpi, { message: 'Expected a valid NPI' });

/**
 * The part of a partner referral that eligibility rules read. Names, contact details and member
 * ids are deliberately absent: rules do not need them, so they never reach this bounded context.
 */
export const ReferralFacts = z.object({
  coverage: z.object({
    payerId: z.string().min(1).max(80),
    planType: PlanType,
    startDate: IsoDate,
    endDate: IsoDate.optional(),
  }),
  reason: z.object({
    type: ReferralReasonType,
    dischargeDate: IsoDate.optional(),
    dischargeFacility: z
      .object({
        type: DischargeFacilityType,
        name: z.string().max(200).optional(),
      })
      .optional(),
    dischargeDestination: DischargeDestination.optional(),
  }),
  diagnoses: z.array(z.object({ code: Icd10CmCode, onsetDate: IsoDate.optional() })).max(200),
  requestedPrograms: z.array(Program).max(4),
  utilization: z.object({
    admissions6m: z.int().min(0),
    edVisits6m: z.int().min(0),
  }),
  authorization: z
    .object({
      authorizedUnits: z.number().min(0),
      fundingSource: z.string().min(1).max(80),
      validUntil: IsoDate,
    })
    .optional(),
  attributedPractitioner: z
    .object({
      npi: Npi,
      lastVisitDate: IsoDate.optional(),
    })
    .optional(),
});
/** Parsed referral facts. */
export type ReferralFacts = z.infer<typeof ReferralFacts>;

/** Parses untrusted referral facts; failures list field paths only, never values. */
export function parseReferralFacts(input: unknown): ReferralFacts {
  return parseOrThrow(ReferralFacts, input, 'referral facts');
}
