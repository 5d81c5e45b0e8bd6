import type { ClaimSubscriberChangedData, PracticeChangedData } from '@carelink/contracts';
import { contractors } from './fee-data';
import { type FeeBasis, feeCents } from './fee-schedule';

export { claimsToCsv } from './claims-csv';
export { claimsToFhirBundle, type FhirBundle } from './claims-fhir';
export { claimsToX12 } from './claims-x12';

/** One claim line of a run as stored: a code with its units for one patient-month. */
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

type Address = PracticeChangedData['address'];
type Subscriber = Pick<ClaimSubscriberChangedData, 'subscriber' | 'coverage'>;

/** Who pays: the state's Medicare contractor (fee-for-service) or the plan (Medicare Advantage and others). */
export interface Payer {
  /** X12 claim filing indicator: MB Medicare Part B, 16 Medicare Advantage (HMO Medicare risk), MC Medicaid, CI commercial. */
  filingIndicator: 'MB' | '16' | 'MC' | 'CI';
  name: string;
  payerId: string;
}

/** A professional claim for one patient-month: what an 837P, a FHIR Claim and a CSV row carry. */
export interface ProfessionalClaim {
  /** The patient control number (X12 CLM01): month and patient, unique in a practice. */
  claimId: string;
  patientId: string;
  month: string;
  payer: Payer;
  subscriber: {
    /** The MBI for Medicare fee-for-service, else the plan's member id. */
    id: string;
    name: { given: string[]; family: string };
    birthDate: string;
    sex: 'female' | 'male' | 'other' | 'unknown';
    address: Address;
  };
  billingProvider: { name: string; npi: string; tin: string; address: Address };
  renderingProvider: { npi: string; name: string };
  placeOfService: string;
  /** Dotted ICD-10-CM codes, qualifying conditions first, at most 12. */
  diagnosisCodes: string[];
  lines: { code: string; units: number; dateOfService: string; chargeCents: number; expectedCents: number }[];
  totalChargeCents: number;
}

/** A billed patient-month that cannot be put on a claim yet, and why. */
export interface WithheldClaim {
  patientId: string;
  reason: 'NO_SUBSCRIBER' | 'NO_MBI';
}

/** The practice facts a claim names. */
export interface ClaimPractice {
  name: string;
  npi: string;
  tin: string;
  address: Address;
  locality: { carrier: string; locality: string };
  billingPractitioners: { npi: string; name: string }[];
  claims: { placeOfService: string; charges: Readonly<Record<string, string>> };
}

const centsOf = (dollars: string): number => {
  const [whole = '0', fraction = '00'] = dollars.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
};

/** The payer of a claim from the coverage the referral gave, and the practice's Medicare contractor. */
export function payerOf(coverage: Subscriber['coverage'], practice: ClaimPractice): Payer {
  if (coverage.planType === 'medicare' || coverage.planType === 'dual') {
    // Medicare pays first for a dual-eligible member with original Medicare.
    const state = contractors.states[practice.address.state];
    const payerId = state?.contractors.includes(practice.locality.carrier)
      ? practice.locality.carrier
      : (state?.contractors[0] ?? practice.locality.carrier);
    return { filingIndicator: 'MB', name: state?.mac ?? 'Medicare Part B', payerId };
  }
  const filingIndicator =
    coverage.planType === 'medicare-advantage' ? '16' : coverage.planType === 'medicaid' ? 'MC' : 'CI';
  return { filingIndicator, name: coverage.payerId, payerId: coverage.payerId };
}

/**
 * Assembles one professional claim per patient of the run's active lines: the payer and subscriber
 * from the referral's coverage (the MBI for Medicare fee-for-service, the member id for a plan), the
 * practice as billing provider, the billing practitioner as rendering provider, the practice's place
 * of service, charges from its charge master (else the expected payment) and the expected payment of
 * its locality. A patient without a subscriber, or a Medicare patient without an MBI, is withheld.
 */
export function assembleClaims(args: {
  practice: ClaimPractice;
  lines: readonly ClaimLine[];
  subscribers: ReadonlyMap<string, Subscriber>;
  basis: FeeBasis;
}): { claims: ProfessionalClaim[]; withheld: WithheldClaim[] } {
  const { practice, basis } = args;
  const byPatient = new Map<string, ClaimLine[]>();
  for (const line of args.lines)
    byPatient.set(line.patientId, [...(byPatient.get(line.patientId) ?? []), line]);
  const claims: ProfessionalClaim[] = [];
  const withheld: WithheldClaim[] = [];
  for (const [patientId, lines] of [...byPatient.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const first = lines[0];
    const found = args.subscribers.get(patientId);
    if (!first) continue;
    if (!found) {
      withheld.push({ patientId, reason: 'NO_SUBSCRIBER' });
      continue;
    }
    const payer = payerOf(found.coverage, practice);
    const subscriberId = payer.filingIndicator === 'MB' ? found.coverage.mbi : found.coverage.memberId;
    if (!subscriberId) {
      withheld.push({ patientId, reason: 'NO_MBI' });
      continue;
    }
    const claimLines = [...lines]
      .sort((a, b) => (a.cpt < b.cpt ? -1 : 1))
      .map((line) => {
        const expectedCents = feeCents(line.cpt, basis) * line.units;
        const charge = practice.claims.charges[line.cpt];
        return {
          code: line.cpt,
          units: line.units,
          dateOfService: line.dateOfService,
          chargeCents: charge ? centsOf(charge) * line.units : expectedCents,
          expectedCents,
        };
      });
    const rendering = practice.billingPractitioners.find((p) => p.npi === first.billingPractitionerNpi);
    claims.push({
      claimId: `${first.month.replace('-', '')}-${patientId}`,
      patientId,
      month: first.month,
      payer,
      subscriber: { id: subscriberId, ...found.subscriber },
      billingProvider: {
        name: practice.name,
        npi: practice.npi,
        tin: practice.tin,
        address: practice.address,
      },
      renderingProvider: { npi: first.billingPractitionerNpi, name: rendering?.name ?? practice.name },
      placeOfService: practice.claims.placeOfService,
      diagnosisCodes: first.diagnosisCodes.slice(0, 12),
      lines: claimLines,
      totalChargeCents: claimLines.reduce((sum, line) => sum + line.chargeCents, 0),
    });
  }
  return { claims, withheld };
}
