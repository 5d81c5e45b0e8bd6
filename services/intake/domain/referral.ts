import type {
  ClaimSubscriberChangedData,
  PatientIdentifiedData,
  ProgramDetermination,
  ReferralReceivedData,
  ReferralStatus,
  ReferralUpdatedData,
} from '@carelink/contracts';
import type { CreateReferralBody, UpdateReferralBody } from '@carelink/contracts/api/intake/referrals';
import type * as z from 'zod/mini';
import { IllegalTransitionError, ReferralLockedError } from './errors';
import {
  type BusinessStatus,
  defaultBusinessStatus,
  initialLifecycle,
  type LifecycleState,
  transition,
} from './lifecycle';

export type CancelReasonCode =
  | 'member-declined'
  | 'duplicate'
  | 'entered-in-error'
  | 'no-longer-needed'
  | 'other';

/** A referral: the partner's data (PHI included), its lifecycle, and what moved it. */
export interface Referral extends LifecycleState, CreateReferralBody {
  id: string;
  /** The care organisation the referral was routed to: its clinical records are keyed by it. */
  tenantId: string;
  /** The referring organisation that sent it, and the only one that may read it. */
  partnerId: string;
  patientId: string;
  /** HMAC of the member's identifier: the same person in every tenant. Never leaves intake's events. */
  patientKey: string;
  practiceId: string;
  createdAt: string;
  cancellation?: { reasonCode: CancelReasonCode; note?: string };
  /** Highest eligibility determination applied (0 before the first). */
  determinationVersion: number;
  /** Cases opened for the referral, by case id. */
  cases: Record<string, 'open' | 'closed'>;
}

/** Why an event left a referral unchanged. */
export type IgnoredReason = 'stale' | 'illegal-transition' | 'duplicate';

export type EventOutcome = { applied: true; referral: Referral } | { applied: false; reason: IgnoredReason };

/** One status change to publish: the step and the version it produced. */
export interface StatusChange {
  status: ReferralStatus;
  previousStatus: ReferralStatus | null;
  businessStatus: BusinessStatus;
  version: number;
}

export function newReferral(input: {
  id: string;
  tenantId: string;
  partnerId: string;
  patientId: string;
  patientKey: string;
  practiceId: string;
  body: CreateReferralBody;
  at: string;
}): Referral {
  return {
    ...input.body,
    id: input.id,
    tenantId: input.tenantId,
    partnerId: input.partnerId,
    patientId: input.patientId,
    patientKey: input.patientKey,
    practiceId: input.practiceId,
    createdAt: input.at,
    determinationVersion: 0,
    cases: {},
    ...initialLifecycle(input.at),
  };
}

/** True while the partner may still correct the referral (before enrolment). */
export function isCorrectable(status: ReferralStatus): boolean {
  return status === 'received' || status === 'screening' || status === 'eligible' || status === 'ineligible';
}

/** A change that is not a lifecycle step still gets a new version, so concurrent writers conflict. */
function touch(referral: Referral, at: string): Referral {
  return { ...referral, version: referral.version + 1, updatedAt: at };
}

/** Applies a partner's correction; only the fields sent are replaced. */
export function correct(referral: Referral, patch: UpdateReferralBody, at: string): Referral {
  if (!isCorrectable(referral.status)) throw new ReferralLockedError(referral.status);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  return touch({ ...referral, ...defined }, at);
}

/** The partner cancels; a closed or cancelled referral cannot be. */
export function cancel(
  referral: Referral,
  cancellation: { reasonCode: CancelReasonCode; note?: string | undefined },
  at: string,
): Referral {
  if (referral.status === 'closed' || referral.status === 'cancelled')
    throw new ReferralLockedError(referral.status);
  const { reasonCode, note } = cancellation;
  return {
    ...transition(referral, 'cancelled', at),
    cancellation: note === undefined ? { reasonCode } : { reasonCode, note },
  };
}

/** The lifecycle steps between two states of one referral, each with the version it produced. */
export function statusChanges(before: Referral | undefined, after: Referral): StatusChange[] {
  const added = after.history.slice(before?.history.length ?? 0);
  return added.map((step, i) => ({
    status: step.to,
    previousStatus: step.from,
    businessStatus: step.businessStatus,
    version: after.version - added.length + i + 1,
  }));
}

/** What an eligibility determination means for the referral's lifecycle. */
export function determinationTarget(programs: readonly ProgramDetermination[]): {
  status: 'eligible' | 'ineligible' | 'screening';
  businessStatus: BusinessStatus;
} {
  const eligible = programs.filter((p) => p.status === 'eligible');
  if (eligible.length > 0) {
    return {
      status: 'eligible',
      businessStatus: { code: 'ELIGIBLE', text: `Eligible for ${eligible.map((p) => p.program).join(', ')}` },
    };
  }
  const needsInformation = programs.filter((p) => p.status === 'needs-information');
  if (needsInformation.length > 0) {
    const reasons = [...new Set(needsInformation.flatMap((p) => p.blockingReasons ?? p.reasons))];
    return {
      status: 'screening',
      businessStatus: {
        code: 'NEEDS_INFORMATION',
        text:
          reasons.length > 0 ? `More information needed: ${reasons.join(', ')}` : 'More information needed',
        reasonCodes: reasons,
      },
    };
  }
  const reasons = [...new Set(programs.flatMap((p) => p.blockingReasons ?? p.reasons))];
  return {
    status: 'ineligible',
    businessStatus: {
      code: 'INELIGIBLE',
      text:
        reasons.length > 0 ? `Not eligible: ${reasons.join(', ')}` : defaultBusinessStatus.ineligible.text,
      reasonCodes: reasons,
    },
  };
}

function attempt(apply: () => Referral): EventOutcome {
  try {
    return { applied: true, referral: apply() };
  } catch (error) {
    if (error instanceof IllegalTransitionError) return { applied: false, reason: 'illegal-transition' };
    throw error;
  }
}

/**
 * Applies an eligibility determination. An older or repeated determination version is stale; a
 * referral already enrolled, closed or cancelled does not move back. A received referral passes
 * through screening on its way to the outcome.
 */
export function applyDetermination(
  referral: Referral,
  determination: { determinationVersion: number; programs: readonly ProgramDetermination[] },
  at: string,
): EventOutcome {
  if (determination.determinationVersion <= referral.determinationVersion)
    return { applied: false, reason: 'stale' };
  const target = determinationTarget(determination.programs);
  return attempt(() => {
    let next: Referral = { ...referral, determinationVersion: determination.determinationVersion };
    if (next.status === 'received' && target.status !== 'screening') next = transition(next, 'screening', at);
    if (next.status === target.status && target.status !== 'screening') {
      return touch({ ...next, businessStatus: target.businessStatus }, at);
    }
    next = transition(next, target.status, at, target.businessStatus);
    return next.status === 'eligible' ? catchUpWithCases(next, at) : next;
  });
}

/**
 * Case events that arrived before the referral was eligible were recorded; once it is, they take
 * effect: an open case enrols it, cases that are all closed already close it.
 */
function catchUpWithCases(referral: Referral, at: string): Referral {
  const states = Object.values(referral.cases);
  if (states.length === 0) return referral;
  if (states.includes('open')) return transition(referral, 'enrolled', at);
  return transition(referral, 'closed', at);
}

/** Before eligibility is known, a case event is recorded and applied once the referral is eligible. */
/**
 * What the partner hears of the case after it cancelled: the status stays `cancelled`, the business
 * status says whether care goes on (a consented patient's care does not end on the plan's say-so).
 */
const afterCancellation = {
  open: {
    code: 'CANCELLED_CARE_CONTINUES',
    text: 'Referral cancelled; care continues with the patient’s consent',
  },
  closed: { code: 'CANCELLED_CASE_CLOSED', text: 'Referral cancelled; the case is closed' },
} as const;

function awaitingEligibility(status: ReferralStatus): boolean {
  return status === 'received' || status === 'screening';
}

/**
 * A case was opened: an eligible referral becomes enrolled; a further case is recorded only, and so
 * is a case whose opening overtook the eligibility determination (it enrols the referral then).
 */
export function applyCaseOpened(referral: Referral, caseId: string, at: string): EventOutcome {
  if (referral.cases[caseId] !== undefined) return { applied: false, reason: 'duplicate' };
  const cases = { ...referral.cases, [caseId]: 'open' as const };
  if (referral.status === 'cancelled')
    return {
      applied: true,
      referral: transition({ ...referral, cases }, 'cancelled', at, afterCancellation.open),
    };
  if (referral.status === 'enrolled' || awaitingEligibility(referral.status))
    return { applied: true, referral: touch({ ...referral, cases }, at) };
  return attempt(() => transition({ ...referral, cases }, 'enrolled', at));
}

/**
 * A case was closed: once every case seen for the referral is closed, it becomes closed. A closing
 * that arrives before its opening closes an eligible referral, so the late opening cannot reopen it.
 */
export function applyCaseClosed(referral: Referral, caseId: string, at: string): EventOutcome {
  if (referral.cases[caseId] === 'closed') return { applied: false, reason: 'duplicate' };
  const cases = { ...referral.cases, [caseId]: 'closed' as const };
  if (referral.status === 'cancelled') {
    const stillOpen = Object.values(cases).some((state) => state === 'open');
    if (stillOpen) return { applied: true, referral: touch({ ...referral, cases }, at) };
    return {
      applied: true,
      referral: transition({ ...referral, cases }, 'cancelled', at, afterCancellation.closed),
    };
  }
  if (awaitingEligibility(referral.status))
    return { applied: true, referral: touch({ ...referral, cases }, at) };
  if (referral.status !== 'enrolled' && referral.status !== 'eligible')
    return { applied: false, reason: 'illegal-transition' };
  const stillOpen = Object.values(cases).some((state) => state === 'open');
  if (stillOpen) return { applied: true, referral: touch({ ...referral, cases }, at) };
  return attempt(() => transition({ ...referral, cases }, 'closed', at));
}

/** What eligibility needs, without names, contact details or free text. */
export function eligibilityFacts(referral: Referral): z.input<typeof ReferralReceivedData> {
  const { coverage, reason, member } = referral;
  return {
    referralId: referral.id,
    patientId: referral.patientId,
    patientKey: referral.patientKey,
    practiceId: referral.practiceId,
    requestedPrograms: referral.requestedPrograms,
    priority: referral.priority,
    coverage: {
      payerId: coverage.payerId,
      planType: coverage.planType,
      memberId: member.memberId,
      startDate: coverage.startDate,
      ...(coverage.endDate ? { endDate: coverage.endDate } : {}),
    },
    reason: {
      type: reason.type,
      ...(reason.dischargeDate ? { dischargeDate: reason.dischargeDate } : {}),
      ...(reason.dischargeFacility ? { dischargeFacilityType: reason.dischargeFacility.type } : {}),
      ...(reason.dischargeDestination ? { dischargeDestination: reason.dischargeDestination } : {}),
    },
    diagnosisCodes: referral.diagnoses.map((d) => d.code),
    utilization: referral.utilization,
    ...(referral.authorization ? { authorization: referral.authorization } : {}),
    ...(referral.attributedPractitioner ? { attributedPractitioner: referral.attributedPractitioner } : {}),
    preferredLanguage: member.preferredLanguage,
    timeZone: member.timeZone,
  };
}

export function updatedFacts(referral: Referral): z.input<typeof ReferralUpdatedData> {
  return { ...eligibilityFacts(referral), version: referral.version };
}

/** Who the patient is, for the care team's patient page (timeline only). */
export function patientIdentity(referral: Referral): z.input<typeof PatientIdentifiedData> {
  const { member } = referral;
  return {
    referralId: referral.id,
    patientId: referral.patientId,
    practiceId: referral.practiceId,
    version: referral.version,
    name: member.name,
    birthDate: member.birthDate,
    sex: member.sex,
  };
}

/** What a claim for the patient names: the subscriber and the coverage (billing only). */
export function claimSubscriber(referral: Referral): z.input<typeof ClaimSubscriberChangedData> {
  const { coverage, member } = referral;
  return {
    referralId: referral.id,
    patientId: referral.patientId,
    practiceId: referral.practiceId,
    version: referral.version,
    subscriber: { name: member.name, birthDate: member.birthDate, sex: member.sex, address: member.address },
    coverage: {
      planType: coverage.planType,
      payerId: coverage.payerId,
      memberId: member.memberId,
      ...(member.mbi ? { mbi: member.mbi } : {}),
      startDate: coverage.startDate,
      ...(coverage.endDate ? { endDate: coverage.endDate } : {}),
    },
  };
}
