import { requirePractice, type TenantPrincipal } from '@carelink/lambda-kit';
import type { StaffScope } from '../app/billing-queries';

/** Billing is for practice staff: the tenant and the practice both come from the token. */
export const staffScope = (principal: TenantPrincipal): StaffScope => ({
  tenantId: principal.tenantId,
  practiceId: requirePractice(principal),
});
