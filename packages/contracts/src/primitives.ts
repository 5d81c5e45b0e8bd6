import * as z from 'zod/mini';
import { withMeta } from './meta';

/**
 * The shared vocabulary of Carelink's contracts. Every API body and event detail is built from these,
 * so a value that crosses a service boundary is validated the same way everywhere.
 */

/** A partner (health plan) or practice tenant id, as carried in the access token. */
export const TenantId = withMeta(
  z
    .string()
    .check(z.regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and hyphens, 2-63 characters')),
  { description: 'Tenant (partner or practice) identifier', example: 'acme-health' },
);
export type TenantId = z.infer<typeof TenantId>;

/** Crockford base32 ULID: sortable by creation time, safe in keys and URLs. */
export const Ulid = withMeta(
  z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ULID (26 Crockford base32 characters)')),
  { example: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C' },
);
export type Ulid = z.infer<typeof Ulid>;

/** Calendar date without a time zone, e.g. a birth date or a discharge date. */
export const IsoDate = withMeta(z.iso.date(), { example: '2026-11-02' });
export type IsoDate = z.infer<typeof IsoDate>;

/** A point in time with an explicit offset (stored and compared in UTC). */
export const IsoInstant = withMeta(z.iso.datetime({ offset: true }), { example: '2026-11-02T15:04:05Z' });
export type IsoInstant = z.infer<typeof IsoInstant>;

/** Calendar month, `YYYY-MM`. */
export const YearMonth = withMeta(
  z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')),
  { example: '2026-10' },
);
export type YearMonth = z.infer<typeof YearMonth>;

const supportedTimeZones = new Set(Intl.supportedValuesOf('timeZone'));

/** True for an IANA time zone name that this runtime can resolve (UTC included): the one zone check. */
export const isIanaTimeZone = (zone: string): boolean => zone === 'UTC' || supportedTimeZones.has(zone);

/** An IANA time zone name that this runtime can resolve (UTC included). */
export const IanaTimeZone = withMeta(
  z.string().check(z.refine(isIanaTimeZone, 'an IANA time zone, e.g. America/New_York')),
  { example: 'America/New_York' },
);
export type IanaTimeZone = z.infer<typeof IanaTimeZone>;

/**
 * ICD-10-CM grammar, the one copy: a letter (U is held for emergency codes and not accepted), a digit, a digit or letter (C4A, M1A), then up to four
 * alphanumerics, with the dot only after the third character. The dotted form (`E11.9`) is what charts
 * and claims show; the undotted form (`E119`) is what code tables are matched on.
 */
const icd10Any = /^([A-TV-Z][0-9][0-9A-Z])(?:\.?([0-9A-Z]{1,4}))?$/;
const icd10Dotted = /^[A-TV-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?$/;
const icd10Undotted = /^[A-TV-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/;

/** True when `code` is an ICD-10-CM code in either form (case-insensitive). */
export const isIcd10CmCode = (code: string): boolean => icd10Any.test(code.trim().toUpperCase());

/** The dotted form (`e119` → `E11.9`); undefined when `code` is not an ICD-10-CM code. */
export function dottedIcd10Cm(code: string): string | undefined {
  const match = icd10Any.exec(code.trim().toUpperCase());
  if (!match) return undefined;
  return match[2] ? `${match[1]}.${match[2]}` : match[1];
}

/** The undotted form used for table lookups (`E11.9` → `E119`); undefined when not ICD-10-CM. */
export function undottedIcd10Cm(code: string): string | undefined {
  return dottedIcd10Cm(code)?.replace('.', '');
}

/** ICD-10-CM diagnosis code as a caller sends it: either form, any case; upper-cased on parse. */
export const Icd10CmCode = withMeta(
  z.pipe(
    z
      .string()
      .check(z.regex(/^[A-TV-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$/i, 'an ICD-10-CM code such as E11.9')),
    z.transform((code) => code.toUpperCase()),
  ),
  { example: 'E11.9' },
);
/** ICD-10-CM code in its dotted form only (`E11.9`, `I10`), as it goes on a claim. */
export const Icd10CmDottedCode = withMeta(
  z.string().check(z.regex(icd10Dotted, 'an ICD-10-CM code in dotted form such as E11.9')),
  { example: 'E11.9' },
);
/** ICD-10-CM code in its undotted form only (`E119`), as code tables key it. */
export const Icd10CmUndottedCode = withMeta(
  z.string().check(z.regex(icd10Undotted, 'an ICD-10-CM code without a dot such as E119')),
  { example: 'E119' },
);
export type Icd10CmCode = z.infer<typeof Icd10CmCode>;

/**
 * True when a 10-digit NPI carries a valid check digit: Luhn over the number prefixed with the
 * card issuer identifier 80840, as the NPI standard prescribes.
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** National Provider Identifier with a valid check digit. */
export const Npi = withMeta(
  z.string().check(z.refine(isValidNpi, 'a 10-digit NPI with a valid check digit')),
  { example: '1234567893' },
);
export type Npi = z.infer<typeof Npi>;

/**
 * Medicare Beneficiary Identifier (CMS format): 11 characters, positions 1-11 as
 * C A AN N A AN N A A N N, where A excludes S, L, O, I, B, Z and the first digit is 1-9.
 * Dashes used for readability are accepted and removed.
 */
export const Mbi = withMeta(
  z.pipe(
    z.pipe(
      z.string(),
      z.transform((value) => value.replaceAll('-', '').toUpperCase()),
    ),
    z
      .string()
      .check(
        z.regex(
          /^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}$/,
          'a Medicare Beneficiary Identifier',
        ),
      ),
  ),
  { example: '1EG4TE5MK73' },
);
export type Mbi = z.infer<typeof Mbi>;

/** Phone number in E.164 form. */
export const E164Phone = withMeta(
  z.string().check(z.regex(/^\+[1-9]\d{6,14}$/, 'an E.164 phone number such as +16175550123')),
  { example: '+16175550123' },
);
export type E164Phone = z.infer<typeof E164Phone>;

/** ISO 4217 currency code. */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code'));

/**
 * Money as a decimal string with at most two fraction digits, so amounts never pass through binary
 * floating point.
 */
export const Money = withMeta(
  z.strictObject({
    amount: z
      .string()
      .check(z.regex(/^-?\d{1,12}(\.\d{1,2})?$/, 'a decimal amount with at most 2 fraction digits')),
    currency: CurrencyCode,
  }),
  { example: { amount: '62.16', currency: 'USD' } },
);
export type Money = z.infer<typeof Money>;

/** Care programs Carelink can enrol a member in. */
export const Program = z.enum(['case-management', 'ccm', 'pcm', 'tcm']);
/** A program a patient consents to: the care programs, and APCM (advanced primary care management, CY 2025). */
export const ConsentedProgram = z.enum(['case-management', 'ccm', 'pcm', 'tcm', 'apcm']);
export type Program = z.infer<typeof Program>;

/** Programs under which staff time can be logged (RPM and BHI time is tracked but never counts to CCM). */
export const TimeProgram = z.enum(['ccm', 'pcm', 'tcm', 'rpm', 'bhi', 'case-management']);
export type TimeProgram = z.infer<typeof TimeProgram>;

/** Opaque pagination cursor. */
export const Cursor = withMeta(z.string().check(z.maxLength(2048)), {
  description: 'Opaque cursor from a previous page',
});
