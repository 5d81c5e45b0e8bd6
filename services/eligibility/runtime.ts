import { createServiceRuntime } from '@carelink/lambda-kit';
import { practiceOf } from '@carelink/tenancy';
import { withTimeoutAndCircuitBreaker } from './adapters/circuit-breaker';
import {
  COVERAGE_OUTAGE_VARIABLE,
  createConventionCoverageVerifier,
} from './adapters/convention-coverage-verifier';
import { createConsentService } from './application/consent-service';
import { createEligibilityService } from './application/eligibility-service';
import { type EligibilityPolicy, type EligibilityPolicyOverrides, resolvePolicy } from './domain';
import { createConsentStore } from './store/consent-store';
import { createPatientStore } from './store/patient-store';
import { createReferralStore } from './store/referral-store';

/**
 * The eligibility composition root: the runtime, the coverage verifier, tenant policies, stores and
 * services, built once per process and shared by every handler.
 */
export const runtime = createServiceRuntime('eligibility');

/**
 * Tenant policy overrides, reviewed like code. Anything not listed uses the CMS defaults; the
 * policy schema refuses values looser than the billing rules allow.
 */
export const tenantPolicyOverrides: Readonly<Record<string, EligibilityPolicyOverrides>> = {
  'bluepeak-health': { caseManagement: { minEdVisits6m: 4 } },
};

const policies = new Map<string, EligibilityPolicy>();

/** The resolved policy of a tenant (resolved once per process). */
export function policyFor(tenantId: string): EligibilityPolicy {
  let policy = policies.get(tenantId);
  if (!policy) {
    policy = resolvePolicy(tenantPolicyOverrides[tenantId] ?? {});
    policies.set(tenantId, policy);
  }
  return policy;
}

/**
 * Coverage checks go through a timeout and a circuit breaker, so a slow or failing payer answers
 * `unknown` quickly. The local verifier answers by member id convention; in AWS an X12 270/271
 * adapter implementing the same port is wired here instead.
 */
export const coverageVerifier = withTimeoutAndCircuitBreaker(
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

const table = { db: runtime.db, tableName: runtime.tableName };
export const patients = createPatientStore(table);
export const referrals = createReferralStore(table);
export const consents = createConsentStore(table);

export const eligibility = createEligibilityService({
  patients,
  referrals,
  verifier: coverageVerifier,
  clock: runtime.clock,
  policyFor,
  practiceOf: (tenantId, practiceId) => practiceOf(tenantId, practiceId),
});

export const consentService = createConsentService({
  patients,
  consents,
  eligibility,
  clock: runtime.clock,
  newId: runtime.newId,
});
