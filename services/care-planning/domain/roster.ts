import { SecondaryService } from '@carelink/contracts';
import * as z from 'zod/mini';
import { IdSchema } from './primitives';

/** Services a secondary case manager delivers inside the primary's plan. */
export const SecondaryServiceSchema = SecondaryService;
/** Service a secondary case manager delivers. */
export type { SecondaryService };

/** Every secondary service, in a stable order. */
export const SECONDARY_SERVICES: readonly SecondaryService[] = SecondaryServiceSchema.options;

/** Roles a staff member holds in a practice. */
export const StaffRoleSchema = z.enum([
  'care-manager',
  'physician',
  'clinical-staff',
  'staff-admin',
  'billing-lead',
]);
/** Role a staff member holds in a practice. */
export type StaffRole = z.infer<typeof StaffRoleSchema>;

/** BCP 47 language tag, kept loose on purpose: matching only relies on the primary subtag. */
export const LanguageTagSchema = z
  .string()
  .check(z.regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 tag'));

/** A member of a practice's roster, with what they can take on. */
export const StaffMemberSchema = z.strictObject({
  staffId: IdSchema,
  practiceId: IdSchema,
  role: StaffRoleSchema,
  services: z.array(SecondaryServiceSchema),
  /** Program names and clinical focus such as `heart-failure` or `diabetes`. */
  skills: z.array(z.string().check(z.minLength(1))),
  languages: z.array(LanguageTagSchema),
  /** Maximum number of active cases. */
  capacity: z.number().check(z.int(), z.gte(0)),
  activeCases: z.number().check(z.int(), z.gte(0)),
  active: z.boolean(),
});
/** A member of a practice's roster. */
export type StaffMember = z.infer<typeof StaffMemberSchema>;

/** Cases the member can still take on; never negative even when over-assigned. */
export const spareCapacity = (member: StaffMember): number =>
  Math.max(0, member.capacity - member.activeCases);
