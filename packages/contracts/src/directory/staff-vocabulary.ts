import * as z from 'zod/mini';
import { withMeta } from '../meta';

/**
 * Who a staff member is to the API: their id, roles and the scopes they grant, and the credential
 * that decides how their time counts. Apart from the rest of the directory's vocabulary because every
 * route function reads a credential from the caller's token, and events name staff by id, and neither
 * needs anything else of the directory.
 */

/** A person's id in the directory: the subject of their actions everywhere. */
export const StaffId = withMeta(
  z
    .string()
    .check(z.regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and hyphens, 2-63 characters')),
  { example: 'staff-boston-care-manager' },
);

/** What a staff member does; each role grants its scopes (see `scopesOfRoles`). */
export const StaffRole = z.enum([
  'care-manager',
  'clinical-staff',
  'billing-practitioner',
  'billing-lead',
  'compliance',
  'staff-admin',
]);
export type StaffRole = z.infer<typeof StaffRole>;

/**
 * A professional credential. Physicians and qualified health professionals (MD, DO, NP, PA, CNS,
 * CNM) may bill and their time counts as theirs; licensed and certified staff's counts as clinical
 * staff time; `non-clinical` people (a billing lead, an administrator) log no care time.
 */
export const StaffCredential = z.enum([
  'MD',
  'DO',
  'NP',
  'PA',
  'CNS',
  'CNM',
  'RN',
  'LPN',
  'MA',
  'LCSW',
  'LPC',
  'RD',
  'PharmD',
  'PT',
  'OT',
  'CHW',
  'non-clinical',
]);
export type StaffCredential = z.infer<typeof StaffCredential>;

/** The scopes each role grants: least privilege, as the user pool's groups carry them. */
export const scopesByRole: Readonly<Record<StaffRole, readonly string[]>> = {
  'care-manager': [
    'cases:read',
    'cases:write',
    'consent:read',
    'consent:write',
    'eligibility:read',
    'outreach:read',
    'outreach:write',
  ],
  'clinical-staff': ['cases:read', 'consent:read', 'eligibility:read', 'outreach:read', 'outreach:write'],
  'billing-practitioner': [
    'cases:read',
    'consent:read',
    'eligibility:read',
    'outreach:read',
    'outreach:write',
    'billing:read',
  ],
  'billing-lead': ['billing:read', 'billing:write', 'consent:read', 'eligibility:read'],
  'staff-admin': ['roster:manage', 'cases:read', 'staff-admin'],
  compliance: ['audit:read'],
};

/** Every scope a person with these roles holds. */
export function scopesOfRoles(roles: readonly StaffRole[]): string[] {
  return [...new Set(roles.flatMap((role) => scopesByRole[role]))].sort();
}

export { performerOf } from './performer';
