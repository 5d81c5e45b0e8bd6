import { requirePractice, type TenantPrincipal } from '@carelink/lambda-kit';
import type { StaffActor } from './consent-service';

/** Staff act for their own practice: tenant, practice and subject all come from the token. */
export const staffActor = (principal: TenantPrincipal): StaffActor => ({
  tenantId: principal.tenantId,
  practiceId: requirePractice(principal),
  subject: principal.subject,
});
