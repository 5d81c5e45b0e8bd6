import { billingNpiOf, createPracticeDirectory, type ServiceRuntime } from '@carelink/lambda-kit';
import { withTimeoutAndCircuitBreaker } from './adapters/circuit-breaker';
import {
  COVERAGE_OUTAGE_VARIABLE,
  createConventionCoverageVerifier,
} from './adapters/convention-coverage-verifier';
import { createConsentService } from './app/consent-service';
import { createCoverageReverification } from './app/coverage-reverification';
import { createEligibilityService } from './app/eligibility-service';
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

/** Builds the eligibility service's stores, coverage verifier and use cases on a runtime. */
export function composeEligibility(runtime: ServiceRuntime, overrides: EligibilityOverrides = {}) {
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

  const table = { db: runtime.db, tableName: runtime.tableName };
  const practices = createPracticeDirectory(runtime);
  const patients = createPatientStore(table);
  const referrals = createReferralStore(table);
  const consents = createConsentStore(table);
  const eligibility = createEligibilityService({
    patients,
    referrals,
    verifier: overrides.coverageVerifier ?? defaultCoverageVerifier(runtime),
    clock: runtime.clock,
    policyFor,
    practiceOf: async (tenantId, practiceId) => {
      const practice = await practices.practiceOf(tenantId, practiceId);
      return practice && { timeZone: practice.timeZone, billingPractitionerNpi: billingNpiOf(practice) };
    },
  });
  return {
    runtime,
    practices,
    eligibility,
    consents: createConsentService({
      patients,
      consents,
      eligibility,
      clock: runtime.clock,
      newId: runtime.newId,
    }),
    patientEligibility: createPatientEligibility(patients),
    reverifyCoverage: createCoverageReverification(runtime, referrals, eligibility),
  };
}

export type Eligibility = ReturnType<typeof composeEligibility>;
