import * as z from 'zod/mini';
import { StaffCredential, StaffId, StaffRole } from '../directory/staff-vocabulary';
import { PracticeId } from '../directory/vocabulary';
import { defineEvent } from '../event-contract';
import { Npi, TenantId } from '../primitives';

/** The person's roles, practices and credential at a version; never their name or e-mail. */
export const StaffMemberChangedData = z.strictObject({
  staffId: StaffId,
  tenantId: TenantId,
  practiceIds: z.array(PracticeId).check(z.minLength(1), z.maxLength(20)),
  roles: z.array(StaffRole).check(z.minLength(1)),
  credential: StaffCredential,
  npi: z.optional(Npi),
  status: z.enum(['active', 'disabled']),
  version: z.int().check(z.gte(1)),
});
export type StaffMemberChangedData = z.output<typeof StaffMemberChangedData>;

export const StaffMemberChangedV1 = defineEvent({
  source: 'carelink.directory',
  detailType: 'StaffMemberChanged',
  version: 1,
  description:
    "A care-team member was added, changed or disabled: their practices, roles, credential and NPI, at a version. Ids and codes only, never the person's name or e-mail.",
  data: StaffMemberChangedData,
  example: {
    staffId: 'staff-boston-care-manager',
    tenantId: 'acme-health',
    practiceIds: ['practice-boston'],
    roles: ['care-manager'],
    credential: 'RN',
    status: 'active',
    version: 1,
  },
});
