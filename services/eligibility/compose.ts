import {
  billingNpiOf,
  createPracticeDirectory,
  type PracticeDirectory,
  type ServiceRuntime,
} from '@carelink/lambda-kit';
import { withTimeoutAndCircuitBreaker } from './adapters/circuit-breaker';
import {
  COVERAGE_OUTAGE_VARIABLE,
  createConventionCoverageVerifier,
} from './adapters/convention-coverage-verifier';
import { createConsentService } from './app/consent-service';
import { createCoverageReverification } from './app/coverage-reverification';
import {
  createDeterminations,
  createEligibilityService,
  type DeterminationDeps,
  type EligibilityService,
} from './app/eligibility-service';
import { createPatientEligibility } from './app/patient-eligibility';
import {
  type CoverageVerifier,
  type EligibilityPolicy,
  type EligibilityPolicyOverrides,
  resolvePolicy,
} from './domain';
import { createConsentStore } from './store/consent-store';
import { createPatientStore } from './store/patient-store';
import { createReferralStore } from './store/referral-store';

/**
 * Tenant policy overrides, reviewed like code. Anything not listed uses the CMS defaults; the
 * policy schema refuses values looser than the billing rules allow.
 */
export const tenantPolicyOverrides: Readonly<Record<string, EligibilityPolicyOverrides>> = {
  'bluepeak-health': { caseManagement: { minEdVisits6m: 4 } },
};

export interface EligibilityOverrides {
  coverageVerifier?: CoverageVerifier;
}

/**
 * Coverage checks go through a timeout and a circuit breaker, so a slow or failing payer answers
 * `unknown` quickly. The local verifier answers by member id convention; in AWS an X12 270/271
 * adapter implementing the same port is wired here instead.
 */
function defaultCoverageVerifier(runtime: ServiceRuntime): CoverageVerifier {
  return withTimeoutAndCircuitBreaker(
    createConventionCoverageVerifier({
      now: () => runtime.clock().toISOString(),
      outage: () => process.env[COVERAGE_OUTAGE_VARIABLE] === 'on',
    }),
    {
      timeoutMs: 3000,
      failureThreshold: 3,
      resetAfterMs: 30_000,
      now: () => runtime.clock().getTime(),
      onStateChange: (from, to) => runtime.logger.warn('coverage circuit changed', { from, to }),
    },
  );
}

/** Stores over eligibility's table. */
const tableOf = (runtime: ServiceRuntime) => ({ db: runtime.db, tableName: runtime.tableName });

// Each part builds only what its functions call, so runtime.ts can build one part per function:
// reading a patient's determinations carries neither the rules nor the coverage verifier, and a
// consent change, which keeps the coverage answer on file, no verifier.

/** What every determination reads besides the rules: stores, the clock, policies, practices. */
function determinationDeps(runtime: ServiceRuntime, practices: PracticeDirectory): DeterminationDeps {
  const policies = new Map<string, EligibilityPolicy>();
  // Resolved once per tenant per process.
  const policyFor = (tenantId: string): EligibilityPolicy => {
    let policy = policies.get(tenantId);
    if (!policy) {
      policy = resolvePolicy(tenantPolicyOverrides[tenantId] ?? {});
      policies.set(tenantId, policy);
    }
    return policy;
  };
  const table = tableOf(runtime);
  return {
    patients: createPatientStore(table),
    referrals: createReferralStore(table),
    clock: runtime.clock,
    policyFor,
    practiceOf: async (tenantId, practiceId) => {
      const practice = await practices.practiceOf(tenantId, practiceId);
      return practice && { timeZone: practice.timeZone, billingPractitionerNpi: billingNpiOf(practice) };
    },
  };
}

/** Determinations: on a referral, its cancellation, a coverage re-verification or a consent change. */
export function composeDeterminations(
  runtime: ServiceRuntime,
  overrides: EligibilityOverrides = {},
  practices: PracticeDirectory = createPracticeDirectory(runtime),
) {
  return createEligibilityService({
    ...determinationDeps(runtime, practices),
    verifier: overrides.coverageVerifier ?? defaultCoverageVerifier(runtime),
  });
}

/** Consents staff record and revoke; a change re-runs the determinations it affects. */
export function composeConsents(
  runtime: ServiceRuntime,
  practices: PracticeDirectory = createPracticeDirectory(runtime),
) {
  const table = tableOf(runtime);
  return createConsentService({
    patients: createPatientStore(table),
    consents: createConsentStore(table),
    eligibility: createDeterminations(determinationDeps(runtime, practices)),
    clock: runtime.clock,
    newId: runtime.newId,
  });
}

/** A patient's current determinations, as staff read them. */
export function composePatientEligibility(runtime: ServiceRuntime) {
  return createPatientEligibility(createPatientStore(tableOf(runtime)));
}

/** The schedule that asks payers again about coverage they did not answer. */
export function composeCoverageReverification(
  runtime: ServiceRuntime,
  eligibility: EligibilityService = composeDeterminations(runtime),
) {
  return createCoverageReverification(runtime, createReferralStore(tableOf(runtime)), eligibility);
}

/** Builds the eligibility service's stores, coverage verifier and use cases on a runtime (tests). */
export function composeEligibility(runtime: ServiceRuntime, overrides: EligibilityOverrides = {}) {
  const practices = createPracticeDirectory(runtime);
  const eligibility = composeDeterminations(runtime, overrides, practices);
  return {
    runtime,
    practices,
    eligibility,
    consents: composeConsents(runtime, practices),
    patientEligibility: composePatientEligibility(runtime),
    reverifyCoverage: composeCoverageReverification(runtime, eligibility),
  };
}

export type Eligibility = ReturnType<typeof composeEligibility>;
