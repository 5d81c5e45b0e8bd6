import { type HttpResult, ok, type Principal, requirePractice } from '@carelink/lambda-kit';
import { roster } from '../runtime';
import type { StaffProfile } from '../store/roster-store';
import { now } from './clock';

/** Creates or updates a roster entry of the caller's practice; the active case count is kept. */
export async function putStaff(
  principal: Principal,
  staffId: string,
  profile: StaffProfile,
): Promise<HttpResult> {
  const practiceId = requirePractice(principal);
  const existing = await roster.get(principal.tenantId, practiceId, staffId);
  const updatedAt = now().toString();
  return {
    ...ok({ ...profile, staffId, practiceId, activeCases: existing?.activeCases ?? 0, updatedAt }),
    commit: {
      writes: [roster.upsert(principal.tenantId, practiceId, staffId, profile, updatedAt)],
      events: [],
    },
  };
}

export async function listStaff(principal: Principal): Promise<HttpResult> {
  const practiceId = requirePractice(principal);
  return ok({ items: await roster.list(principal.tenantId, practiceId) });
}
