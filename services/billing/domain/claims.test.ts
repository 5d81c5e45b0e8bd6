import { isValidNpi } from '@carelink/contracts';
import { describe, expect, it } from 'vitest';
import { fhirIssues } from '../testing/fhir-validator';
import { readX12 } from '../testing/x12-reader';
import {
  assembleClaims,
  type ClaimLine,
  type ClaimPractice,
  claimsToCsv,
  claimsToFhirBundle,
  claimsToX12,
  type ProfessionalClaim,
} from './claims';
import { FHIR_SYSTEMS } from './claims-fhir';
import { feeBasisOf, feeCents } from './fee-schedule';

const practice: ClaimPractice = {
  name: 'Back Bay Primary Care',
  npi: '1234567893',
  tin: '042103594',
  address: { line1: '1 Boylston St', city: 'Boston', state: 'MA', postalCode: '02116' },
  locality: { carrier: '14212', locality: '01' },
  billingPractitioners: [{ npi: '1245319599', name: 'Dr. Ana Ruiz' }],
  claims: { placeOfService: '11', charges: { '99490': '95.00' } },
};
const basis = feeBasisOf({ locality: practice.locality, placeOfService: '11' });

const line = (patientId: string, cpt: string, units: number, dateOfService = '2026-10-31'): ClaimLine => ({
  patientId,
  month: '2026-10',
  billingPractitionerNpi: '1245319599',
  dateOfService,
  cpt,
  units,
  diagnosisCodes: ['E11.9', 'I50.22', 'N18.30'],
});

const person = {
  name: { given: ['Maria', 'Elena'], family: 'López' },
  birthDate: '1951-04-12',
  sex: 'female' as const,
  address: { line1: '12 Beacon St', city: 'Boston', state: 'MA', postalCode: '02108' },
};
const ffs = 'P1FFS000000000000000000000';
const advantage = 'P2MA0000000000000000000000';
const noMbi = 'P3NOMBI0000000000000000000';
const unknown = 'P4UNKNOWN00000000000000000';
const subscribers = new Map([
  [
    ffs,
    {
      subscriber: person,
      coverage: {
        planType: 'medicare' as const,
        payerId: 'cms',
        memberId: 'M-1',
        mbi: '1EG4TE5MK73',
        startDate: '2026-01-01',
      },
    },
  ],
  [
    advantage,
    {
      subscriber: { ...person, name: { given: ['John'], family: 'Smith' }, sex: 'male' as const },
      coverage: {
        planType: 'medicare-advantage' as const,
        payerId: 'NWHP1',
        memberId: 'NW-778812',
        startDate: '2026-01-01',
      },
    },
  ],
  [
    noMbi,
    {
      subscriber: person,
      coverage: { planType: 'medicare' as const, payerId: 'cms', memberId: 'M-3', startDate: '2026-01-01' },
    },
  ],
]);

const lines = [
  line(ffs, '99490', 1),
  line(ffs, '99439', 1),
  line(advantage, '99490', 1, '2026-10-14'),
  line(noMbi, '99490', 1),
  line(unknown, '99490', 1),
];
const { claims, withheld } = assembleClaims({ practice, lines, subscribers, basis });
const claimOf = (patientId: string) => claims.find((c) => c.patientId === patientId) as ProfessionalClaim;

describe('assembling claims', () => {
  it('bills a Medicare fee-for-service patient to the state MAC under the MBI', () => {
    const claim = claimOf(ffs);
    expect(claim.payer).toEqual({
      filingIndicator: 'MB',
      name: 'National Government Services',
      payerId: '14212',
    });
    expect(claim.subscriber.id).toBe('1EG4TE5MK73');
    expect(claim.claimId).toBe(`202610-${ffs}`);
    expect(claim.billingProvider).toMatchObject({ npi: '1234567893', tin: '042103594' });
    expect(claim.renderingProvider).toEqual({ npi: '1245319599', name: 'Dr. Ana Ruiz' });
    expect(claim.placeOfService).toBe('11');
    expect(claim.diagnosisCodes).toEqual(['E11.9', 'I50.22', 'N18.30']);
  });

  it("bills a Medicare Advantage member to the plan under the plan's member id", () => {
    const claim = claimOf(advantage);
    expect(claim.payer).toEqual({ filingIndicator: '16', name: 'NWHP1', payerId: 'NWHP1' });
    expect(claim.subscriber.id).toBe('NW-778812');
  });

  it('charges from the charge master, else the expected payment, and prices with the locality', () => {
    const claim = claimOf(ffs);
    expect(claim.lines).toEqual([
      {
        code: '99439',
        units: 1,
        dateOfService: '2026-10-31',
        chargeCents: feeCents('99439', basis),
        expectedCents: 5555,
      },
      { code: '99490', units: 1, dateOfService: '2026-10-31', chargeCents: 9500, expectedCents: 7602 },
    ]);
    expect(claim.totalChargeCents).toBe(9500 + 5555);
  });

  it('withholds a patient without a subscriber and a Medicare patient without an MBI', () => {
    expect(withheld).toEqual([
      { patientId: noMbi, reason: 'NO_MBI' },
      { patientId: unknown, reason: 'NO_SUBSCRIBER' },
    ]);
    expect(claims.map((c) => c.patientId)).toEqual([ffs, advantage]);
  });
});

describe('CSV', () => {
  it('has one row per line with the claim facts, quoted where needed', () => {
    const rows = claimsToCsv(claims).trimEnd().split('\r\n');
    expect(rows[0]).toMatch(/^claim_id,patient_id,month,payer_name,payer_id,filing_indicator,subscriber_id,/);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toContain(
      `202610-${ffs},${ffs},2026-10,National Government Services,14212,MB,1EG4TE5MK73,López,Maria Elena,1951-04-12,1234567893,042103594,1245319599,11,2026-10-31,99439,1,55.55,55.55,E11.9;I50.22;N18.30`,
    );
    expect(rows[3]).toContain('NWHP1,16,NW-778812,Smith,John');
  });
});

describe('FHIR R4 Claim bundle', () => {
  const bundle = claimsToFhirBundle(claims, '2026-11-01');
  const claim = bundle.entry[0]?.resource as Record<string, unknown> & {
    contained: { id: string; resourceType: string; identifier?: unknown }[];
  };

  it('has one professional Claim per patient-month with its parties contained', () => {
    expect(bundle.entry).toHaveLength(2);
    expect(claim).toMatchObject({
      resourceType: 'Claim',
      status: 'active',
      use: 'claim',
      type: { coding: [{ system: FHIR_SYSTEMS.claimType, code: 'professional' }] },
      patient: { reference: '#patient' },
      provider: { reference: '#billing-provider' },
      insurer: { reference: '#payer' },
      insurance: [{ sequence: 1, focal: true, coverage: { reference: '#coverage' } }],
      total: { value: 150.55, currency: 'USD' },
    });
    expect(claim.contained.map((r) => `${r.resourceType}#${r.id}`)).toEqual([
      'Patient#patient',
      'Organization#payer',
      'Coverage#coverage',
      'Organization#billing-provider',
      'Practitioner#rendering',
    ]);
    expect(claim.contained[0]?.identifier).toContainEqual({ system: FHIR_SYSTEMS.mbi, value: '1EG4TE5MK73' });
  });

  it('references only resources it contains', () => {
    const ids = new Set(claim.contained.map((r) => `#${r.id}`));
    const references = JSON.stringify(claim).match(/"reference":"[^"]+"/g) ?? [];
    expect(references.length).toBeGreaterThan(5);
    for (const reference of references) expect(ids.has(reference.slice(13, -1))).toBe(true);
  });

  it('carries the same lines as the CSV', () => {
    const items = claim.item as {
      productOrService: { coding: { code: string }[] };
      servicedDate: string;
      net: { value: number };
    }[];
    expect(items.map((i) => [i.productOrService.coding[0]?.code, i.servicedDate, i.net.value])).toEqual([
      ['99439', '2026-10-31', 55.55],
      ['99490', '2026-10-31', 95],
    ]);
  });
});

describe('X12 837P', () => {
  const envelope = {
    submitterId: '042103594',
    submitterName: 'Back Bay Primary Care',
    contactPhone: '+16175550100',
    firstControlNumber: 41,
    createdAt: new Date('2026-11-01T09:30:00Z'),
  };
  const { body, interchanges } = claimsToX12(claims, envelope);
  const parsed = readX12(body);
  const segmentsOf = (index: number) => parsed[index]?.groups[0]?.transactions[0]?.segments ?? [];
  const find = (index: number, tag: string, first?: string) =>
    segmentsOf(index).filter((s) => s.tag === tag && (first === undefined || s.elements[0] === first));

  it('writes one interchange per payer with unique control numbers', () => {
    expect(interchanges).toBe(2);
    expect(parsed).toHaveLength(2);
    expect(body).toContain('*00501*000000041*0*P*:~');
    expect(parsed.map((i) => Number(i.isa.elements[12]))).toEqual([41, 42]);
    for (const interchange of parsed) {
      expect(interchange.isa.elements[11]).toBe('00501');
      expect(interchange.groups[0]?.gs.elements[7]).toBe('005010X222A1');
      expect(interchange.groups[0]?.transactions[0]?.st.elements).toEqual([
        '837',
        expect.any(String),
        '005010X222A1',
      ]);
      expect(interchange.iea.elements[0]).toBe('1');
      expect(Number(interchange.iea.elements[1])).toBe(Number(interchange.isa.elements[12]));
      expect(interchange.groups[0]?.ge.elements[0]).toBe('1');
    }
  });

  it('counts the segments of each transaction set in SE01', () => {
    for (const interchange of parsed) {
      const transaction = interchange.groups[0]?.transactions[0];
      expect(Number(transaction?.se.elements[0])).toBe((transaction?.segments.length ?? 0) + 2);
      expect(transaction?.se.elements[1]).toBe(transaction?.st.elements[1]);
    }
  });

  it('names the billing provider, the subscriber with the MBI and the MAC as payer', () => {
    const [billing] = find(0, 'NM1', '85');
    expect(billing?.elements[7]).toBe('XX');
    expect(isValidNpi(billing?.elements[8] ?? '')).toBe(true);
    expect(find(0, 'REF', 'EI')[0]?.elements[1]).toBe('042103594');
    expect(find(0, 'NM1', 'IL')[0]?.elements).toEqual([
      'IL',
      '1',
      'LOPEZ',
      'MARIA',
      'ELENA',
      '',
      '',
      'MI',
      '1EG4TE5MK73',
    ]);
    expect(find(0, 'DMG')[0]?.elements).toEqual(['D8', '19510412', 'F']);
    expect(find(0, 'NM1', 'PR')[0]?.elements.slice(7)).toEqual(['PI', '14212']);
    expect(find(0, 'SBR')[0]?.elements[8]).toBe('MB');
  });

  it('writes the claim, its diagnoses without dots and one SV1 with a DTP*472 per code', () => {
    expect(find(0, 'CLM')[0]?.elements.slice(0, 2)).toEqual([`202610-${ffs}`, '150.55']);
    expect(find(0, 'CLM')[0]?.elements[4]).toBe('11:B:1');
    expect(find(0, 'HI')[0]?.elements).toEqual(['ABK:E119', 'ABF:I5022', 'ABF:N1830']);
    expect(find(0, 'SV1').map((s) => s.elements.slice(0, 4))).toEqual([
      ['HC:99439', '55.55', 'UN', '1'],
      ['HC:99490', '95', 'UN', '1'],
    ]);
    expect(find(0, 'DTP', '472').map((s) => s.elements[2])).toEqual(['20261031', '20261031']);
    expect(find(0, 'NM1', '82')[0]?.elements.slice(2, 4)).toEqual(['RUIZ', 'ANA']);
  });

  it('bills the Medicare Advantage claim to the plan with the member id', () => {
    expect(find(1, 'NM1', 'PR')[0]?.elements.slice(7)).toEqual(['PI', 'NWHP1']);
    expect(find(1, 'NM1', 'IL')[0]?.elements[8]).toBe('NW-778812');
    expect(find(1, 'SBR')[0]?.elements[8]).toBe('16');
  });

  it('keeps delimiters out of element values', () => {
    const tricky = {
      ...claims[0],
      subscriber: { ...claims[0]?.subscriber, name: { given: ['A*B'], family: 'C~D:E^F' } },
    } as ProfessionalClaim;
    const file = claimsToX12([tricky], envelope).body;
    expect(
      readX12(file)[0]
        ?.groups[0]?.transactions[0]?.segments.find((s) => s.tag === 'NM1' && s.elements[0] === 'IL')
        ?.elements.slice(2, 4),
    ).toEqual(['C D E F', 'A B']);
  });

  it('writes nothing for no claims', () => {
    expect(claimsToX12([], envelope)).toEqual({ body: '', interchanges: 0 });
  });
});

describe('FHIR validation', () => {
  it('produces a bundle the FHIR R4 validator accepts, every Claim and contained resource included', () => {
    const bundle = claimsToFhirBundle(claims, '2026-11-01');
    expect(fhirIssues(bundle)).toEqual([]);
    for (const entry of bundle.entry) expect(fhirIssues(entry.resource)).toEqual([]);
  });

  it('would catch a Claim without its required elements', () => {
    const claim = claimsToFhirBundle(claims, '2026-11-01').entry[0]?.resource ?? {};
    const { insurance: _insurance, ...withoutInsurance } = claim as Record<string, unknown>;
    expect(fhirIssues(withoutInsurance).join('\n')).toMatch(/insurance/);
  });
});
