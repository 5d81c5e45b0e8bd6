/**
 * How a person's time counts for billing, from their credential alone (no schema library: the
 * console uses it too). Physicians and qualified health professionals bill and their time is theirs;
 * licensed and certified staff's counts as clinical staff time; `non-clinical` logs no care time.
 */
const physiciansAndQhps: ReadonlySet<string> = new Set(['MD', 'DO', 'NP', 'PA', 'CNS', 'CNM']);

/** The performer of a credential's time; null when it does not count (or the credential is unknown). */
export function performerOf(credential: string): 'physician' | 'clinical-staff' | null {
  if (credential === 'non-clinical' || credential === '') return null;
  return physiciansAndQhps.has(credential) ? 'physician' : 'clinical-staff';
}
