import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  buildClaimLines,
  type ClaimLine,
  type ClaimSource,
  claimLinesToCsv,
  claimLinesToFhirBundle,
  dateOfService,
} from './claims';
import { FHIR_SYSTEMS } from './claims-fhir';

const NPI = '1234567893';
const source = (overrides: Partial<ClaimSource> = {}): ClaimSource => ({
  patientId: 'pat-1',
  month: '2026-02',
  billingPractitionerNpi: NPI,
  diagnosisCodes: ['E11.9', 'I10'],
  decision: {
    lines: [
      { code: '99439', units: 2 },
      { code: '99490', units: 1 },
    ],
    reasons: [],
  },
  ...overrides,
});

describe('dateOfService', () => {
  it.each([
    ['2026-02', '2026-02-28'],
    ['2028-02', '2028-02-29'],
    ['2026-04', '2026-04-30'],
    ['2026-12', '2026-12-31'],
  ])('is the last day of %s', (month, date) => {
    expect(dateOfService(month)).toBe(date);
  });
});

describe('buildClaimLines', () => {
  it('emits one line per decision line with CPT, units, diagnoses, NPI and date of service', () => {
    expect(buildClaimLines([source()])).toEqual([
      {
        patientId: 'pat-1',
        month: '2026-02',
        billingPractitionerNpi: NPI,
        dateOfService: '2026-02-28',
        cpt: '99439',
        units: 2,
        diagnosisCodes: ['E11.9', 'I10'],
      },
      {
        patientId: 'pat-1',
        month: '2026-02',
        billingPractitionerNpi: NPI,
        dateOfService: '2026-02-28',
        cpt: '99490',
        units: 1,
        diagnosisCodes: ['E11.9', 'I10'],
      },
    ]);
  });

  it('skips months that bill nothing', () => {
    expect(buildClaimLines([source({ decision: { lines: [], reasons: ['NO_CONSENT'] } })])).toEqual([]);
  });

  it.each<[string, Partial<ClaimSource>]>([
    ['an NPI with a wrong check digit', { billingPractitionerNpi: '1234567890' }],
    ['no diagnosis', { diagnosisCodes: [] }],
    ['a malformed diagnosis', { diagnosisCodes: ['diabetes'] }],
    ['a decision without lines or reasons', { decision: { lines: [], reasons: [] } }],
  ])('rejects %s', (_name, overrides) => {
    expect(() => buildClaimLines([source(overrides)])).toThrow(z.ZodError);
  });
});

describe('claimLinesToCsv', () => {
  it('renders a header and CRLF-terminated rows', () => {
    const csv = claimLinesToCsv(buildClaimLines([source()]));
    expect(csv.split('\r\n')).toEqual([
      'patient_id,month,billing_npi,date_of_service,cpt,units,icd10_codes',
      'pat-1,2026-02,1234567893,2026-02-28,99439,2,E11.9;I10',
      'pat-1,2026-02,1234567893,2026-02-28,99490,1,E11.9;I10',
      '',
    ]);
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['plain', 'plain'],
  ])('quotes %j as %j (RFC 4180)', (patientId, expected) => {
    const line: ClaimLine = {
      patientId,
      month: '2026-02',
      billingPractitionerNpi: NPI,
      dateOfService: '2026-02-28',
      cpt: '99490',
      units: 1,
      diagnosisCodes: ['I10'],
    };
    const row = claimLinesToCsv([line]).slice(
      'patient_id,month,billing_npi,date_of_service,cpt,units,icd10_codes\r\n'.length,
    );
    expect(row.startsWith(`${expected},`)).toBe(true);
  });
});

describe('claimLinesToFhirBundle', () => {
  const created = '2026-03-02';
  const lines = buildClaimLines([
    source(),
    source({ patientId: 'pat-2', decision: { lines: [{ code: '99424', units: 1 }], reasons: [] } }),
  ]);
  const bundle = claimLinesToFhirBundle(lines, created);

  it('is a collection bundle with one claim per patient-month', () => {
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    expect(bundle.entry.map((e) => e.resource.patient.reference)).toEqual(['Patient/pat-1', 'Patient/pat-2']);
  });

  it('fills a professional claim with provider NPI, ICD-10-CM diagnoses and CPT items', () => {
    const claim = bundle.entry[0]?.resource;
    expect(claim).toMatchObject({
      resourceType: 'Claim',
      status: 'active',
      use: 'claim',
      created,
      type: { coding: [{ system: FHIR_SYSTEMS.claimType, code: 'professional' }] },
      provider: { identifier: { system: 'http://hl7.org/fhir/sid/us-npi', value: NPI } },
      billablePeriod: { start: '2026-02-01', end: '2026-02-28' },
    });
    expect(claim?.diagnosis).toEqual([
      {
        sequence: 1,
        diagnosisCodeableConcept: {
          coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E11.9' }],
        },
      },
      {
        sequence: 2,
        diagnosisCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I10' }] },
      },
    ]);
    expect(claim?.item).toEqual([
      {
        sequence: 1,
        diagnosisSequence: [1, 2],
        productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '99439' }] },
        servicedDate: '2026-02-28',
        quantity: { value: 2 },
      },
      {
        sequence: 2,
        diagnosisSequence: [1, 2],
        productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '99490' }] },
        servicedDate: '2026-02-28',
        quantity: { value: 1 },
      },
    ]);
    expect(claim?.insurance).toHaveLength(1);
  });

  it('renders an empty collection for no lines', () => {
    expect(claimLinesToFhirBundle([], created)).toEqual({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [],
    });
  });
});
