import type { ProfessionalClaim } from './claims';

/** Code systems used in the bundle. */
export const FHIR_SYSTEMS = {
  npi: 'http://hl7.org/fhir/sid/us-npi',
  mbi: 'http://hl7.org/fhir/sid/us-mbi',
  tin: 'urn:oid:2.16.840.1.113883.4.4',
  memberId: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  cpt: 'http://www.ama-assn.org/go/cpt',
  placeOfService: 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
  claimType: 'http://terminology.hl7.org/CodeSystem/claim-type',
  priority: 'http://terminology.hl7.org/CodeSystem/processpriority',
  payerId: 'urn:carelink:payer-id',
  patientId: 'urn:carelink:patient-id',
  claimId: 'urn:carelink:claim-id',
} as const;

type Json = Record<string, unknown>;

/** A FHIR R4 Bundle of type `collection` holding Claims (each with its Patient, Coverage, payer and practitioner contained). */
export type FhirBundle = { resourceType: 'Bundle'; type: 'collection'; entry: Array<{ resource: Json }> };

const money = (cents: number) => ({ value: cents / 100, currency: 'USD' });
const address = (a: ProfessionalClaim['billingProvider']['address']) => ({
  line: [a.line1, ...(a.line2 ? [a.line2] : [])],
  city: a.city,
  state: a.state,
  postalCode: a.postalCode,
  country: 'US',
});

function claimResource(claim: ProfessionalClaim, created: string): Json {
  const isMedicare = claim.payer.filingIndicator === 'MB';
  const diagnosis = claim.diagnosisCodes.map((code, index) => ({
    sequence: index + 1,
    diagnosisCodeableConcept: { coding: [{ system: FHIR_SYSTEMS.icd10cm, code }] },
  }));
  return {
    resourceType: 'Claim',
    identifier: [{ system: FHIR_SYSTEMS.claimId, value: claim.claimId }],
    contained: [
      {
        resourceType: 'Patient',
        id: 'patient',
        identifier: [
          { system: FHIR_SYSTEMS.patientId, value: claim.patientId },
          isMedicare
            ? { system: FHIR_SYSTEMS.mbi, value: claim.subscriber.id }
            : {
                type: { coding: [{ system: FHIR_SYSTEMS.memberId, code: 'MB' }] },
                system: `${FHIR_SYSTEMS.payerId}:${claim.payer.payerId}`,
                value: claim.subscriber.id,
              },
        ],
        name: [{ family: claim.subscriber.name.family, given: claim.subscriber.name.given }],
        gender: claim.subscriber.sex,
        birthDate: claim.subscriber.birthDate,
        address: [address(claim.subscriber.address)],
      },
      {
        resourceType: 'Organization',
        id: 'payer',
        identifier: [{ system: FHIR_SYSTEMS.payerId, value: claim.payer.payerId }],
        name: claim.payer.name,
      },
      {
        resourceType: 'Coverage',
        id: 'coverage',
        status: 'active',
        subscriberId: claim.subscriber.id,
        beneficiary: { reference: '#patient' },
        payor: [{ reference: '#payer' }],
      },
      {
        resourceType: 'Organization',
        id: 'billing-provider',
        identifier: [
          { system: FHIR_SYSTEMS.npi, value: claim.billingProvider.npi },
          { system: FHIR_SYSTEMS.tin, value: claim.billingProvider.tin },
        ],
        name: claim.billingProvider.name,
        address: [address(claim.billingProvider.address)],
      },
      {
        resourceType: 'Practitioner',
        id: 'rendering',
        identifier: [{ system: FHIR_SYSTEMS.npi, value: claim.renderingProvider.npi }],
        name: [{ text: claim.renderingProvider.name }],
      },
    ],
    status: 'active',
    type: { coding: [{ system: FHIR_SYSTEMS.claimType, code: 'professional' }] },
    use: 'claim',
    patient: { reference: '#patient' },
    billablePeriod: {
      start: `${claim.month}-01`,
      end: claim.lines.at(-1)?.dateOfService ?? `${claim.month}-01`,
    },
    created,
    insurer: { reference: '#payer' },
    provider: { reference: '#billing-provider' },
    priority: { coding: [{ system: FHIR_SYSTEMS.priority, code: 'normal' }] },
    careTeam: [{ sequence: 1, provider: { reference: '#rendering' } }],
    insurance: [{ sequence: 1, focal: true, coverage: { reference: '#coverage' } }],
    diagnosis,
    item: claim.lines.map((line, index) => ({
      sequence: index + 1,
      careTeamSequence: [1],
      diagnosisSequence: diagnosis.slice(0, 4).map((d) => d.sequence),
      productOrService: { coding: [{ system: FHIR_SYSTEMS.cpt, code: line.code }] },
      servicedDate: line.dateOfService,
      locationCodeableConcept: {
        coding: [{ system: FHIR_SYSTEMS.placeOfService, code: claim.placeOfService }],
      },
      quantity: { value: line.units },
      unitPrice: money(line.chargeCents / line.units),
      net: money(line.chargeCents),
    })),
    total: money(claim.totalChargeCents),
  };
}

/**
 * Renders claims as a FHIR R4 Bundle (type `collection`), one professional Claim per patient-month,
 * each self-contained (Patient, Coverage, payer, billing provider and rendering practitioner as
 * contained resources). `created` (ISO date or date-time) is injected to keep rendering deterministic.
 */
export const claimsToFhirBundle = (claims: readonly ProfessionalClaim[], created: string): FhirBundle => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: claims.map((claim) => ({ resource: claimResource(claim, created) })),
});
