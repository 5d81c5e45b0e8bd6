import type { Commit, EventDraft, StateWrite } from '@carelink/lambda-kit';
import type { ConsentRecord, CoverageResult, CoverageVerifier, EligibilityPolicy } from '../domain';
import type { PatientStore } from '../store/patient-store';
import type { PatientState, ReferralRecord } from '../store/records';
import type { PendingCoverage, ReferralStore } from '../store/referral-store';
import { type DeterminationView, evaluateReferral, localDate, sameOutcome } from './evaluation';
import { eligibilityDetermined } from './events';
import type { ReferralInput } from './referral-input';

/** What the practice directory tells eligibility about a practice. */
export interface PracticeInfo {
  readonly timeZone: string;
  readonly billingPractitionerNpi: string;
}

/** Collaborators of the determinations that keep the coverage answer on file. */
export interface DeterminationDeps {
  readonly patients: PatientStore;
  readonly referrals: ReferralStore;
  readonly clock: () => Date;
  readonly policyFor: (tenantId: string) => EligibilityPolicy;
  readonly practiceOf: (tenantId: string, practiceId: string) => Promise<PracticeInfo | undefined>;
}

/** Collaborators of the eligibility service, wired at the composition root. */
export interface EligibilityDeps extends DeterminationDeps {
  readonly verifier: CoverageVerifier;
}

/** Result of one re-verification attempt. */
export type ReverifyOutcome =
  | { readonly outcome: 'resolved'; readonly commit: Commit }
  | { readonly outcome: 'still-pending'; readonly commit: Commit }
  | { readonly outcome: 'skipped' };

/** Writes and events of determinations caused by a consent change. */
export interface Redetermination {
  readonly writes: StateWrite[];
  readonly events: EventDraft[];
}

/** The practice's zone counts the days; the member's is the fallback for a practice not yet projected. */
const zoneOf = (practice: PracticeInfo | undefined, referral: ReferralInput) =>
  practice?.timeZone ?? referral.timeZone;

async function evaluate(
  deps: DeterminationDeps,
  tenantId: string,
  referral: ReferralInput,
  coverage: CoverageResult,
  consents: readonly ConsentRecord[],
  at: string,
): Promise<DeterminationView> {
  const practice = await deps.practiceOf(tenantId, referral.practiceId);
  return evaluateReferral({
    facts: referral.facts,
    coverage,
    policy: deps.policyFor(tenantId),
    consents,
    at,
    timeZone: zoneOf(practice, referral),
    ...(practice ? { defaultBillingNpi: practice.billingPractitionerNpi } : {}),
  });
}

async function verify(
  deps: EligibilityDeps,
  tenantId: string,
  referral: ReferralInput,
  at: string,
): Promise<CoverageResult> {
  const practice = await deps.practiceOf(tenantId, referral.practiceId);
  return deps.verifier.verify({
    tenantId,
    payerId: referral.facts.coverage.payerId,
    planType: referral.facts.coverage.planType,
    memberRef: referral.memberId,
    onDate: localDate(at, zoneOf(practice, referral)),
  });
}

/** A new version of a referral's determination: the write and the event, committed together. */
function nextDetermination(
  deps: DeterminationDeps,
  tenantId: string,
  referral: ReferralInput,
  coverage: CoverageResult,
  view: DeterminationView,
  at: string,
  previous: ReferralRecord | undefined,
): { write: StateWrite; event: EventDraft } {
  const determinationVersion = (previous?.determinationVersion ?? 0) + 1;
  const record: ReferralRecord = {
    referralId: referral.referralId,
    patientId: referral.patientId,
    practiceId: referral.practiceId,
    timeZone: referral.timeZone,
    ...(referral.preferredLanguage ? { preferredLanguage: referral.preferredLanguage } : {}),
    ...(referral.patientKey ? { patientKey: referral.patientKey } : {}),
    memberId: referral.memberId,
    sourceVersion: referral.sourceVersion,
    facts: referral.facts,
    coverage,
    determination: view,
    determinationVersion,
    determinedAt: at,
    coveragePending: coverage.status === 'unknown',
    coverageAttempts:
      coverage.status !== 'unknown'
        ? 0
        : coverage === previous?.coverage
          ? previous.coverageAttempts
          : (previous?.coverageAttempts ?? 0) + 1,
  };
  return {
    write: deps.referrals.put(tenantId, record, previous?.determinationVersion),
    event: eligibilityDetermined(record, determinationVersion, view),
  };
}

/**
 * Determinations from what is on file: a referral's cancellation withdraws its determination, and a
 * consent change re-runs the rules with the coverage answer kept. Apart from the payer check so that
 * the consent functions do not carry the coverage verifier.
 */
export function createDeterminations(deps: DeterminationDeps) {
  return {
    /**
     * The partner cancelled a referral: its determination is withdrawn and no work runs for it again
     * (no re-verification, no re-determination), even if the referral itself arrives later.
     */
    async onReferralCancelled(
      tenantId: string,
      cancelled: { referralId: string; patientId: string; reasonCode: string },
      at: string,
    ): Promise<Commit | undefined> {
      const state = await deps.patients.load(tenantId, cancelled.patientId);
      if (state.withdrawals.has(cancelled.referralId)) return undefined;
      const recorded = state.referrals.some((r) => r.referralId === cancelled.referralId);
      const withdrawal = { at, reasonCode: cancelled.reasonCode };
      return {
        writes: deps.referrals.withdraw(
          tenantId,
          cancelled.patientId,
          cancelled.referralId,
          withdrawal,
          recorded,
        ),
        events: [],
      };
    },

    /**
     * Re-runs the rules of every referral of the patient against a new set of consents, keeping the
     * coverage answer on file; only referrals whose outcome changes get a new version.
     */
    async redetermineForConsents(
      state: PatientState,
      consents: readonly ConsentRecord[],
      at: string,
    ): Promise<Redetermination> {
      const writes: StateWrite[] = [];
      const events: EventDraft[] = [];
      for (const previous of state.referrals) {
        if (previous.withdrawn) continue;
        const view = await evaluate(deps, state.tenantId, previous, previous.coverage, consents, at);
        if (sameOutcome(view, previous.determination)) continue;
        const next = nextDetermination(deps, state.tenantId, previous, previous.coverage, view, at, previous);
        writes.push(next.write);
        events.push(next.event);
      }
      return { writes, events };
    },
  };
}

export type Determinations = ReturnType<typeof createDeterminations>;

/**
 * Determines eligibility for referrals: on arrival or update, when coverage is re-verified, and when
 * a consent change alters the outcome. Each new determination bumps the referral's version and
 * publishes one `EligibilityDetermined`.
 */
export function createEligibilityService(deps: EligibilityDeps) {
  return {
    ...createDeterminations(deps),

    /**
     * A referral arrived or was updated. Stale or repeated versions change nothing; otherwise
     * coverage is verified, the rules run, and a new determination version is published.
     */
    async onReferral(tenantId: string, referral: ReferralInput): Promise<Commit | undefined> {
      const state = await deps.patients.load(tenantId, referral.patientId);
      if (state.withdrawals.has(referral.referralId)) return undefined;
      const previous = state.referrals.find((r) => r.referralId === referral.referralId);
      if (previous && previous.sourceVersion >= referral.sourceVersion) return undefined;
      const at = deps.clock().toISOString();
      const coverage = await verify(deps, tenantId, referral, at);
      const view = await evaluate(deps, tenantId, referral, coverage, state.consents, at);
      const next = nextDetermination(deps, tenantId, referral, coverage, view, at, previous);
      return {
        writes: [deps.patients.guardConsentVersion(state, at), next.write],
        events: [next.event],
      };
    },

    /** Asks the payer again about a referral whose coverage was unverified. */
    async reverify(tenantId: string, pending: PendingCoverage): Promise<ReverifyOutcome> {
      const state = await deps.patients.load(tenantId, pending.patientId);
      const previous = state.referrals.find((r) => r.referralId === pending.referralId);
      if (!previous?.coveragePending || previous.withdrawn) return { outcome: 'skipped' };
      const at = deps.clock().toISOString();
      const coverage = await verify(deps, tenantId, previous, at);
      if (coverage.status === 'unknown') {
        return {
          outcome: 'still-pending',
          commit: { writes: [deps.referrals.recordAttempt(tenantId, previous, at)], events: [] },
        };
      }
      const view = await evaluate(deps, tenantId, previous, coverage, state.consents, at);
      const next = nextDetermination(deps, tenantId, previous, coverage, view, at, previous);
      return {
        outcome: 'resolved',
        commit: { writes: [deps.patients.guardConsentVersion(state, at), next.write], events: [next.event] },
      };
    },
  };
}

/** The eligibility service. */
export type EligibilityService = ReturnType<typeof createEligibilityService>;
