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
import * as z from 'zod/mini';

const IsoDate = z.iso.date();

/** An ICD-10-CM code, with or without the dot, in any case. */
export const Icd10CmCode = z
  .string()
  .check(z.refine(isIcd10CmCode, { message: 'Expected an ICD-10-CM code' }));

/** A 10-digit NPI with a valid check digit. */
export const Npi = z.string().check(z.refine(isValidNpi, { message: 'Expected a valid NPI' }));

/**
 * The part of a partner referral that eligibility rules read. Names, contact details and member
 * ids are deliberately absent: rules do not need them, so they never reach this bounded context.
 */
export const ReferralFacts = z.object({
  coverage: z.object({
    payerId: z.string().check(z.minLength(1), z.maxLength(80)),
    planType: PlanType,
    startDate: IsoDate,
    endDate: z.optional(IsoDate),
  }),
  reason: z.object({
    type: ReferralReasonType,
    dischargeDate: z.optional(IsoDate),
    dischargeFacility: z.optional(
      z.object({
        type: DischargeFacilityType,
        name: z.optional(z.string().check(z.maxLength(200))),
      }),
    ),
    dischargeDestination: z.optional(DischargeDestination),
  }),
  diagnoses: z.array(z.object({ code: Icd10CmCode, onsetDate: z.optional(IsoDate) })).check(z.maxLength(200)),
  requestedPrograms: z.array(Program).check(z.maxLength(4)),
  utilization: z.object({
    admissions6m: z.int().check(z.gte(0)),
    edVisits6m: z.int().check(z.gte(0)),
  }),
  authorization: z.optional(
    z.object({
      authorizedUnits: z.number().check(z.gte(0)),
      fundingSource: z.string().check(z.minLength(1), z.maxLength(80)),
      validUntil: IsoDate,
    }),
  ),
  attributedPractitioner: z.optional(
    z.object({
      npi: Npi,
      lastVisitDate: z.optional(IsoDate),
    }),
  ),
});
/** Parsed referral facts. */
export type ReferralFacts = z.infer<typeof ReferralFacts>;

/** Parses untrusted referral facts; failures list field paths only, never values. */
export function parseReferralFacts(input: unknown): ReferralFacts {
  return parseOrThrow(ReferralFacts, input, 'referral facts');
}
