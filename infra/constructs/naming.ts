/** `handlers/create-referral.ts` or `referral-received` → `CreateReferral` / `ReferralReceived`. */
export function pascalCase(value: string): string {
  const base = value.replace(/^handlers\//, '').replace(/\.ts$/, '');
  return base
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** Physical name with a length limit; fails at synth instead of at deploy. */
export function physicalName(parts: readonly string[], maxLength: number): string {
  const name = parts.join('-');
  if (name.length > maxLength) throw new Error(`name ${name} is longer than ${maxLength} characters`);
  return name;
}
