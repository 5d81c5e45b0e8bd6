import * as z from 'zod/mini';

/**
 * A person's name and postal address, as referrals, patient events, practices and claims carry them.
 * They live apart from the intake API so a function that needs only these does not bundle every
 * intake schema with them.
 */

/** Free text trimmed of surrounding space, 1 to `max` characters. */
export const TrimmedText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const MemberName = z.strictObject({
  given: z.array(TrimmedText(100)).check(z.minLength(1), z.maxLength(5)),
  family: TrimmedText(100),
});

export const PostalAddress = z.strictObject({
  line1: TrimmedText(200),
  line2: z.optional(TrimmedText(200)),
  city: TrimmedText(100),
  state: z.string().check(z.regex(/^[A-Z]{2}$/, 'a two-letter US state code')),
  postalCode: z.string().check(z.regex(/^\d{5}(-\d{4})?$/, 'a US ZIP code such as 02116 or 02116-1234')),
});
