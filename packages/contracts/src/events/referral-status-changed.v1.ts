import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { Ulid } from '../primitives';
import { ReasonCode, ReferralStatus, TaskStatus } from './shared';

export const ReferralStatusChangedData = z.object({
  referralId: Ulid,
  externalReferralId: z.string(),
  status: ReferralStatus,
  previousStatus: z.nullable(ReferralStatus),
  taskStatus: TaskStatus,
  businessStatus: z.object({
    code: ReasonCode,
    text: z.string(),
    /** Machine reasons behind the status, e.g. the information eligibility still needs. */
    reasonCodes: z.optional(z.array(ReasonCode)),
  }),
  version: z.int().check(z.gte(1)),
  /** The partner that sent the referral: its webhooks receive the change. */
  partnerId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});

export const ReferralStatusChangedV1 = defineEvent({
  source: 'carelink.intake',
  detailType: 'ReferralStatusChanged',
  version: 1,
  description: 'A referral moved in its lifecycle; partners receive it as a signed webhook.',
  data: ReferralStatusChangedData,
  example: {
    referralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
    externalReferralId: 'ACME-2026-000123',
    status: 'eligible',
    previousStatus: 'screening',
    taskStatus: 'accepted',
    businessStatus: { code: 'ELIGIBLE', text: 'Eligible for ccm' },
    version: 3,
    partnerId: 'northwind-health',
  },
});
