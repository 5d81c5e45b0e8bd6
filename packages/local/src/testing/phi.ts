/** A ULID as Carelink spells ids: 26 characters of Crockford's base32. */
const ULID = /\b[0-9A-HJKMNP-TV-Z]{26}\b/g;

/**
 * The PHI values found in a text that should carry none. Ids are masked first: a ULID's random
 * part can spell a short value ('CHF', '1951') by chance, which is not PHI leaking.
 */
export function phiFoundIn(text: string, values: readonly string[]): string[] {
  const masked = text.replace(ULID, '<id>');
  return values.filter((value) => masked.includes(value));
}
