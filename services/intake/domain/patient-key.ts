/**
 * The identifier a patient key is computed from: the Medicare beneficiary identifier when the member
 * has one (the same person under any plan), else the payer's member id. Normalised so that spacing,
 * dashes and case never make two keys for one person.
 */
export function patientKeyInput(
  member: { mbi?: string | undefined; memberId: string },
  payerId: string,
): string {
  if (member.mbi) return `mbi:${member.mbi.replace(/[\s-]/g, '').toUpperCase()}`;
  return `member:${payerId.trim().toLowerCase()}:${member.memberId.trim().toUpperCase()}`;
}
