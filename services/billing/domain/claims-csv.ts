import type { ClaimLine } from './claims';

/** Column order of the claims CSV. */
export const CLAIM_CSV_HEADER = [
  'patient_id',
  'month',
  'billing_npi',
  'date_of_service',
  'cpt',
  'units',
  'icd10_codes',
] as const;

/** RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes are doubled. */
const field = (value: string): string =>
  /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

/**
 * Renders claim lines as RFC 4180 CSV: a header row, CRLF line endings, and the diagnosis codes of a
 * line joined with ";" in one field.
 */
export const claimLinesToCsv = (lines: readonly ClaimLine[]): string => {
  const rows = [CLAIM_CSV_HEADER.join(',')];
  for (const line of lines) {
    rows.push(
      [
        line.patientId,
        line.month,
        line.billingPractitionerNpi,
        line.dateOfService,
        line.cpt,
        String(line.units),
        line.diagnosisCodes.join(';'),
      ]
        .map(field)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
};
