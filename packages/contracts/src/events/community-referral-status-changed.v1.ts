import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { IsoInstant, Ulid } from '../primitives';
import { TaskStatus } from './shared';

/** Closed-loop status of a referral to a community organisation (HL7 Gravity SDOH, as a FHIR Task). */
export const CommunityReferralStatus = z.enum(['sent', 'accepted', 'rejected', 'completed', 'cancelled']);
export type CommunityReferralStatus = z.infer<typeof CommunityReferralStatus>;

/** Why a community referral changed status: a code, never free text. */
export const CommunityReferralReason = z.enum([
  'referral-sent',
  'accepted-by-organization',
  'service-provided',
  'need-resolved',
  'patient-declined',
  'not-eligible',
  'no-capacity',
  'unable-to-contact',
  'entered-in-error',
  'other',
]);
export type CommunityReferralReason = z.infer<typeof CommunityReferralReason>;

export const CommunityReferralStatusChangedData = z.object({
  communityReferralId: Ulid,
  /** The partner's referral the patient came through, when outreach knows it. */
  referralId: z.optional(Ulid),
  patientId: Ulid,
  caseId: Ulid,
  practiceId: z.string(),
  category: z.string(),
  status: CommunityReferralStatus,
  previousStatus: z.nullable(CommunityReferralStatus),
  taskStatus: TaskStatus,
  reason: CommunityReferralReason,
  changedAt: IsoInstant,
  version: z.int().check(z.gte(1)),
});
export type CommunityReferralStatusChangedData = z.output<typeof CommunityReferralStatusChangedData>;

export const CommunityReferralStatusChangedV1 = defineEvent({
  source: 'carelink.outreach',
  detailType: 'CommunityReferralStatusChanged',
  version: 1,
  description:
    'A referral to a community organisation was sent or changed status, with the FHIR Task status and a reason code.',
  data: CommunityReferralStatusChangedData,
  example: {
    communityReferralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8S',
    referralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
    practiceId: 'practice-boston',
    category: 'food-assistance',
    status: 'accepted',
    previousStatus: 'sent',
    taskStatus: 'accepted',
    reason: 'accepted-by-organization',
    changedAt: '2026-10-13T14:00:00Z',
    version: 2,
  },
});
