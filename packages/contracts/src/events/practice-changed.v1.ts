import * as z from 'zod/mini';
import { PostalAddress } from '../demographics';
import { StaffId } from '../directory/staff-vocabulary';
import {
  BillingPractitioner,
  CareModel,
  ClaimSettingsData,
  MedicareLocality,
  OrganisationName,
  PracticeId,
} from '../directory/vocabulary';
import { defineEvent } from '../event-contract';
import { withMeta } from '../meta';
import { E164Phone, IanaTimeZone, Npi, TenantId } from '../primitives';

/**
 * The whole practice as it now is: consumers keep the latest version in their own table and ignore
 * an older one, so duplicates and reordering change nothing. No patient data: a practice is public
 * business information.
 */
export const PracticeChangedData = z.strictObject({
  practiceId: PracticeId,
  tenantId: TenantId,
  name: OrganisationName,
  npi: Npi,
  tin: z.string().check(z.regex(/^\d{9}$/)),
  timeZone: IanaTimeZone,
  address: PostalAddress,
  locality: MedicareLocality,
  careModel: CareModel,
  callbackNumber: E164Phone,
  billingPractitioners: z.array(BillingPractitioner).check(z.maxLength(50)),
  onCall: withMeta(z.optional(z.array(StaffId).check(z.maxLength(10))), {
    description: 'Who urgent risk flags page, in order; the patient’s primary when empty',
  }),
  claimSettings: z.optional(ClaimSettingsData),
  status: z.enum(['active', 'inactive']),
  version: z.int().check(z.gte(1)),
});
export type PracticeChangedData = z.output<typeof PracticeChangedData>;

export const PracticeChangedV1 = defineEvent({
  source: 'carelink.directory',
  detailType: 'PracticeChanged',
  version: 1,
  description:
    'A practice was created or changed: its identifiers, time zone, locality, care model, callback number and billing practitioners, at a version.',
  data: PracticeChangedData,
  example: {
    practiceId: 'practice-boston',
    tenantId: 'acme-health',
    name: 'Back Bay Primary Care',
    npi: '1234567893',
    tin: '042103594',
    timeZone: 'America/New_York',
    address: { line1: '1 Boylston St', city: 'Boston', state: 'MA', postalCode: '02116' },
    locality: { carrier: '14212', locality: '01' },
    careModel: 'time-based',
    callbackNumber: '+16175550100',
    billingPractitioners: [{ npi: '1234567893', name: 'Dr. Ana Ruiz' }],
    onCall: ['staff-boston-care-manager'],
    status: 'active',
    version: 1,
  },
});
