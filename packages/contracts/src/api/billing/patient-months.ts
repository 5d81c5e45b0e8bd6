import * as z from 'zod/mini';
import { withMeta } from '../../meta';
import { IsoInstant, Npi, Ulid, YearMonth } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { PatientId, PracticeId, patientMonthParams, tag } from './shared';

const CptCode = withMeta(
  z.string().check(z.regex(/^[0-9A-Z]\d{3}[0-9A-Z]$/, 'a CPT or HCPCS code such as 99490')),
  { example: '99490' },
);
const PractitionerId = withMeta(z.string().check(z.minLength(1), z.maxLength(64)), { example: '1234567893' });

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
