import { requirePractice, type TenantPrincipal } from '@carelink/lambda-kit';
import type { CarePlanning } from '../compose';
import type { StaffProfile } from '../store/roster-store';
import { now } from './clock';

/** Creates or updates a roster entry of the caller's practice; the active case count is kept. */
export async function putStaff(
  ctx: CarePlanning,
  principal: TenantPrincipal,
  staffId: string,
  profile: StaffProfile,
) {
  const practiceId = requirePractice(principal);
  const existing = await ctx.roster.get(principal.tenantId, practiceId, staffId);
  const updatedAt = now(ctx).toString();
  return {
    staff: { ...profile, staffId, practiceId, activeCases: existing?.activeCases ?? 0, updatedAt },
    commit: {
      writes: [ctx.roster.upsert(principal.tenantId, practiceId, staffId, profile, updatedAt)],
      events: [],
    },
  };
}

export async function listStaff(ctx: CarePlanning, principal: TenantPrincipal) {
  const practiceId = requirePractice(principal);
  return { items: await ctx.roster.list(principal.tenantId, practiceId) };
}
