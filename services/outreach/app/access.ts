import { NotFoundError, requirePractice, type TenantPrincipal } from '@carelink/lambda-kit';
import type { Stores } from '../compose';
import type { PatientProfile } from '../store/cases';

/**
 * The patient, if it belongs to the caller's practice. Another practice's patient, another tenant's
 * patient and an unknown patient all answer the same 404.
 */
export async function patientOfCaller(
  stores: Pick<Stores, 'cases'>,
  principal: TenantPrincipal,
  patientId: string,
): Promise<PatientProfile> {
  const practiceId = requirePractice(principal);
  const profile = await stores.cases.profile(principal.tenantId, patientId);
  if (!profile || profile.practiceId !== practiceId) throw new NotFoundError('Patient');
  return profile;
}

/** The caller's practice time zone: billing months are counted in it. */
export async function practiceTimeZone(
  stores: Pick<Stores, 'practices'>,
  principal: TenantPrincipal,
): Promise<string> {
  const practice = await stores.practices.practiceOf(principal.tenantId, requirePractice(principal));
  if (!practice) throw new NotFoundError('Practice');
  return practice.timeZone;
}
