import type { ProfessionalClaim } from './claims';

/** Column order of the claims CSV: one row per claim line, the claim's facts repeated on each. */
export const CLAIM_CSV_HEADER = [
  'claim_id',
  'patient_id',
  'month',
  'payer_name',
  'payer_id',
  'filing_indicator',
  'subscriber_id',
  'patient_family_name',
  'patient_given_name',
  'patient_birth_date',
  'billing_npi',
  'billing_tin',
  'rendering_npi',
  'place_of_service',
  'date_of_service',
  'cpt',
  'units',
  'charge',
  'expected_payment',
  'icd10_codes',
] as const;

/** RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes are doubled. */
const field = (value: string): string =>
  /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

const dollars = (cents: number): string => (cents / 100).toFixed(2);

/**
 * Renders claims as RFC 4180 CSV: a header row, CRLF line endings, one row per line, and the
 * diagnosis codes of the claim joined with ";" in one field.
 */
export const claimsToCsv = (claims: readonly ProfessionalClaim[]): string => {
  const rows = [CLAIM_CSV_HEADER.join(',')];
  for (const claim of claims) {
    for (const line of claim.lines) {
      rows.push(
        [
          claim.claimId,
          claim.patientId,
          claim.month,
          claim.payer.name,
          claim.payer.payerId,
          claim.payer.filingIndicator,
          claim.subscriber.id,
          claim.subscriber.name.family,
          claim.subscriber.name.given.join(' '),
          claim.subscriber.birthDate,
          claim.billingProvider.npi,
          claim.billingProvider.tin,
          claim.renderingProvider.npi,
          claim.placeOfService,
          line.dateOfService,
          line.code,
          String(line.units),
          dollars(line.chargeCents),
          dollars(line.expectedCents),
          claim.diagnosisCodes.join(';'),
        ]
          .map(field)
          .join(','),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
};
