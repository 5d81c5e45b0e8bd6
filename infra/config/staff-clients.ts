import { type Scope, scopes } from '@carelink/contracts';
import * as z from 'zod';

/** Staff roles as the handlers read them from the `role` claim. */
export const staffRoles = [
  'care-manager',
  'clinical-staff',
  'physician',
  'billing-lead',
  'staff-admin',
  'compliance',
] as const;

const slug = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/);
const allScopes = Object.values(scopes) as [Scope, ...Scope[]];

export const StaffClient = z.object({
  /** App client name suffix: the client is `staff-<name>`. */
  name: slug,
  description: z.string().min(1).max(100),
  tenantId: slug,
  practiceId: slug,
  role: z.enum(staffRoles),
  scopes: z.array(z.enum(allScopes)).min(1),
});
export type StaffClient = z.infer<typeof StaffClient>;

/** Validates a staff client list: names unique. */
export function parseStaffClients(list: unknown): StaffClient[] {
  return z
    .array(StaffClient)
    .refine((clients) => new Set(clients.map((c) => c.name)).size === clients.length, 'names must be unique')
    .parse(list);
}

/**
 * Staff systems (practice back offices, EHR integrations) that call the API with client credentials.
 * Each gets a client-credentials app client whose access tokens carry its tenant, practice and role.
 * None are registered yet; staff people sign in through their own clients.
 */
export const staffClients: readonly StaffClient[] = parseStaffClients([]);
