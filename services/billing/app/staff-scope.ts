import { requirePractice, type TenantPrincipal } from '@carelink/lambda-kit';

/** The caller as billing sees it: a tenant and the practice the staff member works for. */
export interface StaffScope {
  tenantId: string;
  practiceId: string;
}

/** Billing is for practice staff: the tenant and the practice both come from the token. */
export const staffScope = (principal: TenantPrincipal): StaffScope => ({
  tenantId: principal.tenantId,
  practiceId: requirePractice(principal),
});
