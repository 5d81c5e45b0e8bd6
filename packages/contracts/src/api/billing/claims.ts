import * as z from 'zod/mini';
import { withMeta } from '../../meta';
import { Npi, YearMonth } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { PatientId, RunId, runParams, tag } from './shared';

export const ClaimLineResource = withMeta(
  z.object({
    patientId: PatientId,
    month: YearMonth,
    billingPractitionerNpi: Npi,
    dateOfService: z.string(),
    cpt: z.string(),
    units: z.int(),
    diagnosisCodes: z.array(z.string()),
    attempt: withMeta(z.int(), { description: 'Attempt of the run that last wrote this line' }),
  }),
  { id: 'BillingClaimLine' },
);

const PartyAddress = z.object({
  line1: z.string(),
  line2: z.optional(z.string()),
  city: z.string(),
  state: z.string(),
  postalCode: z.string(),
});

/** A professional claim for one patient-month, as the 837P, the FHIR Claim and the CSV carry it. */
export const ProfessionalClaimResource = withMeta(
  z.object({
    claimId: withMeta(z.string(), { description: 'Patient control number (X12 CLM01): month and patient' }),
    patientId: PatientId,
    month: YearMonth,
    payer: z.object({
      filingIndicator: withMeta(z.enum(['MB', '16', 'MC', 'CI']), {
        description:
          'X12 claim filing indicator: MB Medicare Part B, 16 Medicare Advantage, MC Medicaid, CI commercial',
      }),
      name: z.string(),
      payerId: z.string(),
    }),
    subscriber: z.object({
      id: withMeta(z.string(), {
        description: 'The MBI for Medicare fee-for-service, else the plan member id',
      }),
      name: z.object({ given: z.array(z.string()), family: z.string() }),
      birthDate: z.string(),
      sex: z.enum(['female', 'male', 'other', 'unknown']),
      address: PartyAddress,
    }),
    billingProvider: z.object({ name: z.string(), npi: Npi, tin: z.string(), address: PartyAddress }),
    renderingProvider: z.object({ npi: Npi, name: z.string() }),
    placeOfService: z.string(),
    diagnosisCodes: z.array(z.string()).check(z.maxLength(12)),
    lines: z.array(
      z.object({
        code: z.string(),
        units: z.int(),
        dateOfService: z.string(),
        chargeCents: z.int(),
        expectedCents: z.int(),
      }),
    ),
    totalChargeCents: z.int(),
  }),
  { id: 'BillingProfessionalClaim' },
);

export const ClaimsResource = withMeta(
  z.object({
    runId: RunId,
    status: z.string(),
    lines: z.array(ClaimLineResource),
    claims: z.array(ProfessionalClaimResource),
    withheld: withMeta(
      z.array(z.object({ patientId: PatientId, reason: z.enum(['NO_SUBSCRIBER', 'NO_MBI']) })),
      { description: 'Billed patient-months that cannot be put on a claim yet, and why' },
    ),
  }),
  {
    id: 'BillingClaims',
    example: {
      runId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8N',
      status: 'completed',
      lines: [
        {
          patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
          month: '2026-10',
          billingPractitionerNpi: '1234567893',
          dateOfService: '2026-10-31',
          cpt: '99490',
          units: 1,
          diagnosisCodes: ['E11.9', 'I50.22', 'N18.30'],
          attempt: 1,
        },
      ],
      claims: [],
      withheld: [],
    },
  },
);

export const getClaimsRoute = defineRoute({
  operationId: 'getBillingClaims',
  method: 'GET',
  path: '/v1/billing/runs/{runId}/claims',
  summary: 'Export the claims of a run as JSON, CSV, a FHIR R4 Claim Bundle or an X12 837P file',
  tag,
  scopes: [scopes.billingRead],
  params: runParams,
  query: z.object({ format: z._default(z.enum(['json', 'csv', 'fhir', 'x12']), 'json') }),
  responses: {
    200: {
      description:
        'The claims: JSON, CSV (`format=csv`), a FHIR R4 Claim Bundle (`format=fhir`) or an X12 837P 005010X222A1 file (`format=x12`, one interchange per payer)',
      schema: ClaimsResource,
      alternatives: {
        'text/csv': withMeta(z.string(), { description: 'One row per claim line, with a header row' }),
        'application/fhir+json': withMeta(
          z.object({ resourceType: z.literal('Bundle'), type: z.string(), entry: z.array(z.unknown()) }),
          { description: 'A FHIR R4 Bundle of Claim resources' },
        ),
        'application/edi-x12': withMeta(z.string(), {
          description: 'ASC X12 837P 005010X222A1 interchanges',
        }),
      },
    },
    404: { description: 'No such run' },
  },
});
