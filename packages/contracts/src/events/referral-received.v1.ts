import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { IanaTimeZone, Icd10CmCode, IsoDate, Npi, Program, Ulid } from '../primitives';
import { DischargeDestination, DischargeFacilityType, PlanType, ReferralReasonType } from './shared';

/**
 * What eligibility needs to decide, and nothing more: no names, contact details or free text.
 * The partner member id is included because coverage verification (X12 270) is keyed by it.
 */
/**
 * The patient key: HMAC-SHA256 of the normalised member identifier under a secret pepper. The same
 * person has the same key across tenants, which is what lets billing refuse a second claim for the
 * same patient-month; without the pepper it reveals nothing.
 */
export const PatientKey = z.string().check(z.regex(/^[0-9a-f]{64}$/));

export const ReferralReceivedData = z.object({
  referralId: Ulid,
  patientId: Ulid,
  patientKey: z.optional(PatientKey),
  practiceId: z.string(),
  requestedPrograms: z.array(Program),
  priority: z.enum(['routine', 'urgent']),
  coverage: z.object({
    payerId: z.string(),
    planType: PlanType,
    memberId: z.string(),
    startDate: IsoDate,
    endDate: z.optional(IsoDate),
  }),
  reason: z.object({
    type: ReferralReasonType,
    dischargeDate: z.optional(IsoDate),
    dischargeFacilityType: z.optional(DischargeFacilityType),
    dischargeDestination: z.optional(DischargeDestination),
  }),
  diagnosisCodes: z.array(Icd10CmCode),
  utilization: z.object({ admissions6m: z.int().check(z.gte(0)), edVisits6m: z.int().check(z.gte(0)) }),
  authorization: z.optional(
    z.object({ authorizedUnits: z.int().check(z.gte(0)), fundingSource: z.string(), validUntil: IsoDate }),
  ),
  attributedPractitioner: z.optional(z.object({ npi: Npi, lastVisitDate: z.optional(IsoDate) })),
  preferredLanguage: z.optional(z.string()),
  timeZone: IanaTimeZone,
});

export const ReferralReceivedV1 = defineEvent({
  source: 'carelink.intake',
  detailType: 'ReferralReceived',
  version: 1,
  description: 'A partner referred a member; eligibility decides which programs apply.',
  data: ReferralReceivedData,
  example: {
    referralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    practiceId: 'practice-boston',
    requestedPrograms: ['ccm'],
    priority: 'routine',
    coverage: {
      payerId: 'acme-ma',
      planType: 'medicare-advantage',
      memberId: 'M-1001',
      startDate: '2026-01-01',
    },
    reason: { type: 'chronic-care' },
    diagnosisCodes: ['E11.9', 'I50.22', 'N18.3'],
    utilization: { admissions6m: 1, edVisits6m: 0 },
    attributedPractitioner: { npi: '1234567893', lastVisitDate: '2026-06-15' },
    preferredLanguage: 'en',
    timeZone: 'America/New_York',
  },
});
