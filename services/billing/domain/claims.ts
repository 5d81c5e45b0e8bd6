import { Icd10CmDottedCode, isValidNpi, YearMonth } from '@carelink/contracts';
import * as z from 'zod';
import { daysInMonth } from './month-bounds';
import { MonthDecision } from './month-schema';

export { claimLinesToCsv } from './claims-csv';
export { claimLinesToFhirBundle, type FhirBundle, type FhirClaim } from './claims-fhir';

/** One decided patient-month with what a claim needs besides the decision. */
export const ClaimSource = z.object({
  patientId: z.string().min(1),
  month: YearMonth,
  billingPractitionerNpi: z.string().refine(isValidNpi, { error: 'Expected a valid 10-digit NPI' }),
  // A professional claim carries at most 12 diagnoses; CCM needs the chronic conditions on it.
  diagnosisCodes: z.array(Icd10CmDottedCode).min(1).max(12),
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
