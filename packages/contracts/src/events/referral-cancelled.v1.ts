import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { Ulid } from '../primitives';

export const ReferralCancelledData = z.object({
  referralId: Ulid,
  patientId: Ulid,
  reasonCode: z.enum(['member-declined', 'duplicate', 'entered-in-error', 'no-longer-needed', 'other']),
});

export const ReferralCancelledV1 = defineEvent({
  source: 'carelink.intake',
  detailType: 'ReferralCancelled',
  version: 1,
  description: 'The partner cancelled a referral; downstream work for it stops.',
  data: ReferralCancelledData,
  example: {
    referralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    reasonCode: 'member-declined',
  },
});
