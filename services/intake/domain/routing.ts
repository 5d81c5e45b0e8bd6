import type { AgreementChangedData, Program } from '@carelink/contracts';

/** A network agreement as intake routes by it (the directory's `AgreementChanged`, latest version). */
export type NetworkAgreement = AgreementChangedData;

/** The facts of a referral that decide where it goes. */
export interface RoutingFacts {
  requestedPrograms: readonly Program[];
  attributedNpi: string | undefined;
  state: string;
  postalCode: string;
  /** The calendar date the referral arrives (UTC). */
  today: string;
}

export interface Route {
  agreementId: string;
  practiceId: string;
  tenantId: string;
  /** Which rule claimed the referral, for the log and the tests. */
  rule: 'attributed-npi' | 'zip3' | 'state' | 'default';
}

const inForce = (agreement: NetworkAgreement, today: string): boolean =>
  agreement.status === 'active' &&
  agreement.effectiveFrom <= today &&
  (agreement.effectiveTo === undefined || today <= agreement.effectiveTo);

/**
 * Where a partner's referral goes: to the practice whose agreement lists the member's attributed
 * PCP; else to one claiming the member's ZIP3, then state; else to the partner's default practice.
 * Only agreements in force on the day and covering a requested program take part. Ties go to the
 * oldest agreement, so routing never depends on read order. Undefined when no practice takes it.
 */
export function routeReferral(
  agreements: readonly NetworkAgreement[],
  facts: RoutingFacts,
): Route | undefined {
  const candidates = agreements
    .filter((a) => inForce(a, facts.today) && a.programs.some((p) => facts.requestedPrograms.includes(p)))
    .sort((a, b) => (a.agreementId < b.agreementId ? -1 : 1));
  const zip3 = facts.postalCode.slice(0, 3);
  const rules: [Route['rule'], (a: NetworkAgreement) => boolean][] = [
    [
      'attributed-npi',
      (a) =>
        facts.attributedNpi !== undefined && (a.routing.attributedNpis ?? []).includes(facts.attributedNpi),
    ],
    ['zip3', (a) => (a.routing.zip3 ?? []).includes(zip3)],
    ['state', (a) => (a.routing.states ?? []).includes(facts.state)],
    ['default', (a) => a.routing.default === true],
  ];
  for (const [rule, claims] of rules) {
    const match = candidates.find(claims);
    if (match)
      return { agreementId: match.agreementId, practiceId: match.practiceId, tenantId: match.tenantId, rule };
  }
  return undefined;
}
