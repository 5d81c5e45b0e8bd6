import * as z from 'zod/mini';
import { MemberName, PostalAddress } from '../demographics';
import { defineEvent } from '../event-contract';
import { IsoDate, Mbi, Ulid } from '../primitives';
import { PlanType } from './shared';

/**
 * Who a claim is for and who pays it, as the referral says: the subscriber's name, birth date, sex and
 * address, the plan and its member id, and the Medicare Beneficiary Identifier. Protected health
 * information that only billing needs (an 837P cannot be submitted without it), so only billing
 * subscribes; it carries no clinical facts and no free text.
 */
export const ClaimSubscriberChangedData = z.object({
  referralId: Ulid,
  patientId: Ulid,
  practiceId: z.string(),
  /** The referral's version: a consumer keeps the newest and ignores older copies. */
  version: z.int().check(z.gte(1)),
  subscriber: z.object({
    name: MemberName,
    birthDate: IsoDate,
    sex: z.enum(['female', 'male', 'other', 'unknown']),
    address: PostalAddress,
  }),
  coverage: z.object({
    planType: PlanType,
    payerId: z.string().check(z.minLength(1)),
    memberId: z.string().check(z.minLength(1)),
    mbi: z.optional(Mbi),
    startDate: IsoDate,
    endDate: z.optional(IsoDate),
  }),
});
export type ClaimSubscriberChangedData = z.output<typeof ClaimSubscriberChangedData>;

export const ClaimSubscriberChangedV1 = defineEvent({
  source: 'carelink.intake',
  detailType: 'ClaimSubscriberChanged',
  version: 1,
  description:
    'The subscriber and coverage a claim for the referred patient names (billing only; contains identifiers and demographics).',
  data: ClaimSubscriberChangedData,
  example: {
    referralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    practiceId: 'practice-boston',
    version: 1,
    subscriber: {
      name: { given: ['Maria'], family: 'Lopez' },
      birthDate: '1951-04-12',
      sex: 'female',
      address: { line1: '12 Beacon St', city: 'Boston', state: 'MA', postalCode: '02108' },
    },
    coverage: {
      planType: 'medicare',
      payerId: 'cms-medicare',
      memberId: 'M-1001',
      mbi: '1EG4TE5MK73',
      startDate: '2026-01-01',
    },
  },
});
