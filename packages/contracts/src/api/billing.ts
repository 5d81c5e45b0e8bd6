import * as z from 'zod/mini';
import { withMeta } from '../meta';
import { Cursor, IsoInstant, Npi, Ulid, YearMonth } from '../primitives';
import { defineRoute, type RouteContract, scopes } from '../route-contract';

const tag = 'billing';

const RunId = withMeta(Ulid, { description: 'Billing run id', example: '01JD3Y7T5V0M3Q8W9X2Z4A6B8N' });
const PatientId = withMeta(Ulid, { description: 'Patient id', example: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D' });
const PracticeId = withMeta(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a practice id')), {
  example: 'practice-boston',
});
const CptCode = withMeta(
  z.string().check(z.regex(/^[0-9A-Z]\d{3}[0-9A-Z]$/, 'a CPT or HCPCS code such as 99490')),
  { example: '99490' },
);
const PractitionerId = withMeta(z.string().check(z.minLength(1), z.maxLength(64)), { example: '1234567893' });

const patientMonthParams = z.object({ patientId: PatientId, month: YearMonth });
const runParams = z.object({ runId: RunId });

/** Medical decision making documented for a patient-month (complex CCM needs moderate or high). */
export const MedicalDecisionMakingBody = withMeta(
  z.strictObject({ level: z.enum(['low', 'moderate', 'high']) }),
  { id: 'MedicalDecisionMaking', example: { level: 'moderate' } },
);

/** Codes already billed for the patient-month outside this run (by anyone), replacing the list. */
export const OtherBilledBody = withMeta(
  z.strictObject({
    codes: z.array(z.strictObject({ code: CptCode, practitionerId: PractitionerId })).check(
      z.maxLength(20),
      z.refine(
        (codes) => new Set(codes.map((c) => `${c.code}|${c.practitionerId}`)).size === codes.length,
        'each code and practitioner at most once',
      ),
    ),
  }),
  {
    id: 'OtherBilled',
    example: { codes: [{ code: 'G0556', practitionerId: '1245319599' }] },
  },
);

/** The billing inputs kept for one patient-month. */
export const PatientMonthLedgerResource = withMeta(
  z.object({
    patientId: PatientId,
    practiceId: PracticeId,
    month: YearMonth,
    medicalDecisionMaking: z.nullable(z.enum(['low', 'moderate', 'high'])),
    otherBilled: z.array(z.object({ code: z.string(), practitionerId: z.string() })),
    minutes: z.object({
      ccmStaff: z.int(),
      ccmPhysician: z.int(),
      pcmStaff: z.int(),
      pcmPhysician: z.int(),
      other: z.int(),
    }),
    entries: z.int(),
  }),
  {
    id: 'PatientMonthLedger',
    example: {
      patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
      practiceId: 'practice-boston',
      month: '2026-10',
      medicalDecisionMaking: 'moderate',
      otherBilled: [],
      minutes: { ccmStaff: 45, ccmPhysician: 0, pcmStaff: 0, pcmPhysician: 0, other: 0 },
      entries: 2,
    },
  },
);

export const StartRunBody = withMeta(z.strictObject({ practiceId: PracticeId, month: YearMonth }), {
  id: 'StartBillingRun',
  example: { practiceId: 'practice-boston', month: '2026-10' },
});

const Difference = z.object({ added: z.int(), changed: z.int(), superseded: z.int() });

export const BillingRunResource = withMeta(
  z.object({
    runId: RunId,
    practiceId: PracticeId,
    month: YearMonth,
    status: z.enum(['running', 'completed', 'finalized']),
    attempt: z.int().check(z.gte(1)),
    trigger: z.enum(['api', 'schedule', 'cli']),
    startedAt: z.string(),
    completedAt: z.nullable(z.string()),
    finalizedAt: z.nullable(z.string()),
    processedPatientMonths: z.int(),
    totals: z.nullable(
      z.object({
        patientMonths: z.int(),
        billedPatients: z.int(),
        claimLines: z.int(),
        expectedRevenue: z.string(),
      }),
    ),
    lastDifference: z.nullable(Difference),
  }),
  {
    id: 'BillingRun',
    example: {
      runId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8N',
      practiceId: 'practice-boston',
      month: '2026-10',
      status: 'completed',
      attempt: 1,
      trigger: 'api',
      startedAt: '2026-11-01T07:00:00.000Z',
      completedAt: '2026-11-01T07:00:04.000Z',
      finalizedAt: null,
      processedPatientMonths: 120,
      totals: { patientMonths: 120, billedPatients: 80, claimLines: 87, expectedRevenue: '6123.45' },
      lastDifference: { added: 87, changed: 0, superseded: 0 },
    },
  },
);

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

export const BillingSummaryResource = withMeta(
  z.object({
    runId: RunId,
    practiceId: PracticeId,
    month: YearMonth,
    status: z.string(),
    patients: z.int(),
    billedPatients: z.int(),
    codes: z.array(z.object({ code: z.string(), patients: z.int(), units: z.int() })),
    expectedRevenue: z.string(),
    fees: withMeta(
      z.object({
        year: z.int(),
        locality: withMeta(z.nullable(z.string()), {
          description: 'The practice locality; null prices nationally',
        }),
        facility: z.boolean(),
      }),
      {
        description: 'What the expected revenue is priced with: the CMS fee schedule of the locality',
      },
    ),
    notBilled: z.array(z.object({ reason: z.string(), patientIds: z.array(z.string()) })),
  }),
  {
    id: 'BillingSummary',
    example: {
      runId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8N',
      practiceId: 'practice-boston',
      month: '2026-10',
      status: 'completed',
      patients: 2,
      billedPatients: 1,
      codes: [
        { code: '99439', patients: 1, units: 1 },
        { code: '99490', patients: 1, units: 1 },
      ],
      expectedRevenue: '131.57',
      fees: { year: 2026, locality: '14212-01 METROPOLITAN BOSTON', facility: false },
      notBilled: [{ reason: 'NO_CONSENT', patientIds: ['01JD3Y7T5V0M3Q8W9X2Z4A6B8E'] }],
    },
  },
);

const AuditEntry = z.object({
  timeEntryId: z.string(),
  startedAt: z.string(),
  minutes: z.int(),
  performer: z.string(),
  practitionerId: z.string(),
  program: z.string(),
});

export const AuditPacketResource = withMeta(
  z.object({
    patientId: PatientId,
    lines: z.array(z.object({ code: z.string(), units: z.int() })),
    reasons: z.array(z.string()),
    consent: z.nullable(
      z.object({
        consentId: z.string(),
        program: z.string(),
        obtainedAt: z.string(),
        revokedAt: z.nullable(z.string()),
        billingPractitionerId: z.string(),
      }),
    ),
    carePlan: z.nullable(
      z.object({
        carePlanId: z.string(),
        version: z.int(),
        establishedAt: z.string(),
        revisedAt: z.nullable(z.string()),
      }),
    ),
    eligibility: z.nullable(
      z.object({
        determinationVersion: z.int(),
        conditionCategories: z.array(z.string()),
        chronicConditionCount: z.int(),
        complexConditionForPcm: z.boolean(),
      }),
    ),
    medicalDecisionMaking: z.nullable(z.string()),
    otherBilled: z.array(z.object({ code: z.string(), practitionerId: z.string() })),
    countedEntries: z.array(AuditEntry),
    attempt: z.int(),
  }),
  { id: 'BillingAuditPacket' },
);

export const AuditPageResource = withMeta(
  z.object({ runId: RunId, items: z.array(AuditPacketResource), nextCursor: z.optional(z.string()) }),
  { id: 'BillingAuditPage' },
);

export const BillingWorklistResource = withMeta(
  z.object({
    practiceId: PracticeId,
    month: YearMonth,
    items: z.array(
      z.object({
        patientId: PatientId,
        tracks: z.array(
          z.object({
            track: z.enum(['ccm-staff', 'ccm-physician', 'pcm']),
            countedMinutes: z.int(),
            nextThreshold: z.int(),
            minutesMissing: z.int(),
          }),
        ),
      }),
    ),
  }),
  {
    id: 'BillingWorklist',
    example: {
      practiceId: 'practice-boston',
      month: '2026-10',
      items: [
        {
          patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
          tracks: [{ track: 'ccm-staff', countedMinutes: 15, nextThreshold: 20, minutesMissing: 5 }],
        },
      ],
    },
  },
);

export const putMedicalDecisionMakingRoute = defineRoute({
  operationId: 'putBillingMedicalDecisionMaking',
  method: 'PUT',
  path: '/v1/billing/patients/{patientId}/months/{month}/mdm',
  summary: 'Record the medical decision making level of a patient-month',
  tag,
  scopes: [scopes.billingWrite],
  params: patientMonthParams,
  body: MedicalDecisionMakingBody,
  responses: { 200: { description: 'The patient-month ledger', schema: PatientMonthLedgerResource } },
});

export const putOtherBilledRoute = defineRoute({
  operationId: 'putBillingOtherBilled',
  method: 'PUT',
  path: '/v1/billing/patients/{patientId}/months/{month}/other-billed',
  summary: 'Replace the codes already billed elsewhere for a patient-month',
  tag,
  scopes: [scopes.billingWrite],
  params: patientMonthParams,
  body: OtherBilledBody,
  responses: { 200: { description: 'The patient-month ledger', schema: PatientMonthLedgerResource } },
});

export const startRunRoute = defineRoute({
  operationId: 'startBillingRun',
  method: 'POST',
  path: '/v1/billing/runs',
  summary: 'Run (or re-run) billing for a practice-month',
  description:
    'One run per practice and month. The first call creates and executes it (201); later calls return ' +
    'the same run (200), re-deciding an unfinalised month and recording only the difference. A ' +
    'finalised month answers 409.',
  tag,
  scopes: [scopes.billingWrite],
  idempotent: true,
  body: StartRunBody,
  responses: {
    200: { description: 'The existing run (re-run or already running)', schema: BillingRunResource },
    201: { description: 'The run was created and executed', schema: BillingRunResource },
    404: { description: 'Unknown practice' },
    409: { description: 'The month is finalised' },
  },
});

export const listRunsRoute = defineRoute({
  operationId: 'listBillingRuns',
  method: 'GET',
  path: '/v1/billing/runs',
  summary: "The caller's practice's run of a month, if there is one",
  description: 'One run per practice and month: the list holds it, or nothing before the month was run.',
  tag,
  scopes: [scopes.billingRead],
  query: z.strictObject({ month: YearMonth }),
  responses: {
    200: {
      description: 'The run of the month (none or one)',
      schema: withMeta(z.object({ items: z.array(BillingRunResource) }), { id: 'BillingRunPage' }),
    },
  },
});

export const getRunRoute = defineRoute({
  operationId: 'getBillingRun',
  method: 'GET',
  path: '/v1/billing/runs/{runId}',
  summary: 'Read a billing run',
  tag,
  scopes: [scopes.billingRead],
  params: runParams,
  responses: {
    200: { description: 'The run', schema: BillingRunResource },
    404: { description: 'No such run' },
  },
});

export const finalizeRunRoute = defineRoute({
  operationId: 'finalizeBillingRun',
  method: 'POST',
  path: '/v1/billing/runs/{runId}/finalize',
  summary: 'Freeze a completed run; it cannot change afterwards',
  tag,
  scopes: [scopes.billingWrite],
  idempotent: true,
  params: runParams,
  responses: {
    200: { description: 'The finalised run', schema: BillingRunResource },
    404: { description: 'No such run' },
    409: { description: 'The run is still running' },
  },
});

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

export const getSummaryRoute = defineRoute({
  operationId: 'getBillingSummary',
  method: 'GET',
  path: '/v1/billing/runs/{runId}/summary',
  summary: 'Counts per code, expected revenue and the patients not billed by reason',
  tag,
  scopes: [scopes.billingRead],
  params: runParams,
  responses: {
    200: { description: 'The summary', schema: BillingSummaryResource },
    404: { description: 'No such run' },
  },
});

export const getAuditRoute = defineRoute({
  operationId: 'getBillingAudit',
  method: 'GET',
  path: '/v1/billing/runs/{runId}/audit',
  summary: 'The audit packet of every patient-month of a run',
  tag,
  scopes: [scopes.billingRead],
  params: runParams,
  query: z.object({
    cursor: z.optional(Cursor),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 100),
  }),
  responses: {
    200: { description: 'A page of audit packets', schema: AuditPageResource },
    404: { description: 'No such run' },
  },
});

export const getWorklistRoute = defineRoute({
  operationId: 'getBillingWorklist',
  method: 'GET',
  path: '/v1/billing/worklist',
  summary: 'Patients within 10 minutes of their next billable threshold this month',
  tag,
  scopes: [scopes.billingRead],
  query: z.object({ month: z.optional(YearMonth) }),
  responses: { 200: { description: 'The worklist', schema: BillingWorklistResource } },
});

/** Routes served by the billing service. */
export const RecordVisitBody = withMeta(
  z.strictObject({
    practitionerNpi: withMeta(Npi, {
      description: 'The individual NPI of the practitioner who saw the patient',
    }),
    kind: withMeta(z.enum(['e-m', 'awv', 'ippe', 'tcm-face-to-face']), {
      description:
        'An E/M visit, annual wellness visit or IPPE (initiating visits), or the TCM face-to-face visit',
    }),
    at: IsoInstant,
  }),
  {
    id: 'BillingRecordVisit',
    example: { practitionerNpi: '1234567893', kind: 'awv', at: '2026-09-02T14:00:00Z' },
  },
);

export const VisitResource = withMeta(
  z.object({
    visitId: Ulid,
    patientId: z.string(),
    practitionerNpi: z.string(),
    kind: z.enum(['e-m', 'awv', 'ippe', 'tcm-face-to-face']),
    at: IsoInstant,
  }),
  {
    id: 'BillingVisit',
    example: {
      visitId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8V',
      patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
      practitionerNpi: '1234567893',
      kind: 'awv',
      at: '2026-09-02T14:00:00Z',
    },
  },
);

export const recordVisitRoute = defineRoute({
  operationId: 'recordBillingVisit',
  method: 'POST',
  path: '/v1/billing/patients/{patientId}/visits',
  summary:
    'Record a visit that billing depends on: the initiating visit of CCM/PCM/APCM, or the TCM face-to-face visit',
  description:
    'CCM, PCM and APCM bill only when the billing practitioner saw the patient (E/M, AWV or IPPE) no earlier than 12 months before consent. A visit in the future is refused (422).',
  tag,
  scopes: [scopes.billingWrite],
  idempotent: true,
  params: z.object({ patientId: PatientId }),
  body: RecordVisitBody,
  responses: {
    201: { description: 'Recorded', schema: VisitResource },
    404: { description: 'No such patient in the caller’s practice' },
    422: { description: 'The request is not valid' },
  },
});

export const billingRoutes: readonly RouteContract[] = [
  putMedicalDecisionMakingRoute,
  putOtherBilledRoute,
  startRunRoute,
  getRunRoute,
  finalizeRunRoute,
  listRunsRoute,
  getClaimsRoute,
  getSummaryRoute,
  getAuditRoute,
  getWorklistRoute,
  recordVisitRoute,
];
