import * as z from 'zod';
import { daysInMonth } from './month-bounds';
import { MonthDecision } from './month-schema';

export { claimLinesToCsv } from './claims-csv';
export { claimLinesToFhirBundle, type FhirBundle, type FhirClaim } from './claims-fhir';

/** Whether `npi` is a 10-digit NPI with a valid check digit (Luhn over the "80840" card-issuer prefix). */
export const isValidNpi = (npi: string): boolean => {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`;
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) digit = digit > 4 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
};

/** ICD-10-CM code in its dotted form, e.g. "E11.9", "I10", "S52.521A" (the letter U is reserved). */
const Icd10Cm = z.string().regex(/^[A-TV-Z][0-9][0-9AB](\.[0-9A-TV-Z]{1,4})?$/, {
  error: 'Expected an ICD-10-CM code such as E11.9',
});

/** One decided patient-month with what a claim needs besides the decision. */
export const ClaimSource = z.object({
  patientId: z.string().min(1),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Expected a month as YYYY-MM' }),
  billingPractitionerNpi: z.string().refine(isValidNpi, { error: 'Expected a valid 10-digit NPI' }),
  // A professional claim carries at most 12 diagnoses; CCM needs the chronic conditions on it.
  diagnosisCodes: z.array(Icd10Cm).min(1).max(12),
  decision: MonthDecision,
});
/** One decided patient-month with what a claim needs besides the decision. */
export type ClaimSource = z.infer<typeof ClaimSource>;

/** One claim line: a CPT code with its units for one patient-month. */
export type ClaimLine = {
  patientId: string;
  month: string;
  billingPractitionerNpi: string;
  /** ISO date (YYYY-MM-DD). */
  dateOfService: string;
  cpt: string;
  units: number;
  diagnosisCodes: string[];
};

/**
 * Date of service of a monthly care management claim: the last day of the calendar month. The service
 * period is the whole month and all counted time lies within it, so the last day is never before the
 * time was completed, and every line of the month shares one date.
 */
export const dateOfService = (month: string): string =>
  `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;

/**
 * Claim lines for the decided months, in input order, one per decision line. Months that bill nothing
 * produce no line. Each source is validated (throws a ZodError).
 */
export const buildClaimLines = (sources: readonly ClaimSource[]): ClaimLine[] =>
  sources.flatMap((raw) => {
    const source = ClaimSource.parse(raw);
    const date = dateOfService(source.month);
    return source.decision.lines.map((line) => ({
      patientId: source.patientId,
      month: source.month,
      billingPractitionerNpi: source.billingPractitionerNpi,
      dateOfService: date,
      cpt: line.code,
      units: line.units,
      diagnosisCodes: [...source.diagnosisCodes],
    }));
  });
