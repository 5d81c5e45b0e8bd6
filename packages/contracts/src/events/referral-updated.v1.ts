import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { ReferralReceivedData, ReferralReceivedV1 } from './referral-received.v1';

/**
 * The partner corrected or completed a referral (authorization, coverage, diagnoses, utilization,
 * attributed practitioner). Same shape as `ReferralReceived` (no names, contact details or free
 * text) plus the referral's new version, so eligibility can re-determine and ignore stale updates.
 */
export const ReferralUpdatedData = z.extend(ReferralReceivedData, {
  version: z.int().check(z.gte(1)),
});

export const ReferralUpdatedV1 = defineEvent({
  source: 'carelink.intake',
  detailType: 'ReferralUpdated',
  version: 1,
  description: 'A partner corrected or completed a referral; eligibility re-determines on it.',
  data: ReferralUpdatedData,
  example: {
    ...ReferralReceivedV1.example,
    authorization: {
      authorizedUnits: 12,
      fundingSource: 'acme-ma-care-management',
      validUntil: '2027-06-30',
    },
    version: 2,
  },
});
