import type { ClaimLine } from './claims';

/** Code systems used in the bundle. */
export const FHIR_SYSTEMS = {
  npi: 'http://hl7.org/fhir/sid/us-npi',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  cpt: 'http://www.ama-assn.org/go/cpt',
  claimType: 'http://terminology.hl7.org/CodeSystem/claim-type',
  priority: 'http://terminology.hl7.org/CodeSystem/processpriority',
} as const;

type Coding = { system: string; code: string };
type CodeableConcept = { coding: Coding[] };

/** The subset of a FHIR R4 Claim that the export fills. */
export type FhirClaim = {
  resourceType: 'Claim';
  status: 'active';
  type: CodeableConcept;
  use: 'claim';
  patient: { reference: string };
  billablePeriod: { start: string; end: string };
  created: string;
  provider: { identifier: { system: string; value: string } };
  priority: CodeableConcept;
  insurance: Array<{ sequence: number; focal: boolean; coverage: { display: string } }>;
  diagnosis: Array<{ sequence: number; diagnosisCodeableConcept: CodeableConcept }>;
  item: Array<{
    sequence: number;
    diagnosisSequence: number[];
    productOrService: CodeableConcept;
    servicedDate: string;
    quantity: { value: number };
  }>;
};

/** A FHIR R4 Bundle of type `collection` holding claims. */
export type FhirBundle = {
  resourceType: 'Bundle';
  type: 'collection';
  entry: Array<{ resource: FhirClaim }>;
};

const claimFor = (lines: readonly ClaimLine[], created: string): FhirClaim => {
  const first = lines[0];
  if (first === undefined) throw new RangeError('A claim needs at least one line');
  const diagnosis = first.diagnosisCodes.map((code, index) => ({
    sequence: index + 1,
    diagnosisCodeableConcept: { coding: [{ system: FHIR_SYSTEMS.icd10cm, code }] },
  }));
  const diagnosisSequence = diagnosis.map((d) => d.sequence);
  return {
    resourceType: 'Claim',
    status: 'active',
    type: { coding: [{ system: FHIR_SYSTEMS.claimType, code: 'professional' }] },
    use: 'claim',
    patient: { reference: `Patient/${first.patientId}` },
    billablePeriod: { start: `${first.month}-01`, end: first.dateOfService },
    created,
    provider: { identifier: { system: FHIR_SYSTEMS.npi, value: first.billingPractitionerNpi } },
    priority: { coding: [{ system: FHIR_SYSTEMS.priority, code: 'normal' }] },
    // R4 requires at least one insurance; the coverage resource is resolved by the clearinghouse.
    insurance: [{ sequence: 1, focal: true, coverage: { display: 'Medicare Part B' } }],
    diagnosis,
    item: lines.map((line, index) => ({
      sequence: index + 1,
      diagnosisSequence,
      productOrService: { coding: [{ system: FHIR_SYSTEMS.cpt, code: line.cpt }] },
      servicedDate: line.dateOfService,
      quantity: { value: line.units },
    })),
  };
};

/**
 * Renders claim lines as a FHIR R4 Bundle (type `collection`) with one professional Claim per
 * patient, month and billing NPI, in order of first appearance. `created` (ISO date or date-time) is
 * injected so that the rendering stays deterministic.
 */
export const claimLinesToFhirBundle = (lines: readonly ClaimLine[], created: string): FhirBundle => {
  const groups = new Map<string, ClaimLine[]>();
  for (const line of lines) {
    const key = JSON.stringify([line.patientId, line.month, line.billingPractitionerNpi]);
    const group = groups.get(key);
    if (group) group.push(line);
    else groups.set(key, [line]);
  }
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [...groups.values()].map((group) => ({ resource: claimFor(group, created) })),
  };
};
