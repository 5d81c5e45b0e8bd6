import { localDate as calendarDate, epochMsOf } from '@carelink/calendar';
import type { EligibilityDeterminedData, TcmDeadlines } from '@carelink/contracts';
import type * as z from 'zod/mini';
import {
  type ConsentRecord,
  type CoverageResult,
  conditionCategoriesOf,
  determine,
  type EligibilityPolicy,
  effectivePlanType,
  evaluateCcm,
  evaluatePcm,
  type ProgramResult,
  type ReferralFacts,
} from '../domain';
import type { DeterminationView, ProgramView } from '../domain/determination-view';

export type { DeterminationView, ProgramView };

/** Everything a determination reads; the instant and zone are injected. */
export interface EvaluationInput {
  readonly facts: ReferralFacts;
  readonly coverage: CoverageResult;
  readonly policy: EligibilityPolicy;
  readonly consents: readonly ConsentRecord[];
  /** ISO instant of the determination. */
  readonly at: string;
  /** Zone the determination date is counted in (the practice's). */
  readonly timeZone: string;
  /** The practice's billing practitioner, used when the referral names none. */
  readonly defaultBillingNpi?: string;
}

/** The calendar date of an instant in a time zone. */
export function localDate(at: string, timeZone: string): string {
  return calendarDate(epochMsOf(at), timeZone);
}

function tcmDates(result: ProgramResult): TcmDeadlines | undefined {
  if (result.program !== 'tcm') return undefined;
  const {
    dischargeDate,
    interactiveContactDue,
    faceToFaceDueHighComplexity,
    faceToFaceDueModerateComplexity,
  } = result;
  if (
    !dischargeDate ||
    !interactiveContactDue ||
    !faceToFaceDueHighComplexity ||
    !faceToFaceDueModerateComplexity
  )
    return undefined;
  return {
    dischargeDate,
    interactiveContactDue,
    faceToFaceDueHighComplexity,
    faceToFaceDueModerateComplexity,
    ...(result.facilityType ? { dischargeFacilityType: result.facilityType } : {}),
    ...(result.destination ? { dischargeDestination: result.destination } : {}),
  };
}

function programView(result: ProgramResult): ProgramView {
  const base = {
    program: result.program,
    status: result.status,
    reasons: result.reasons,
    blockingReasons: result.blockingReasons,
  };
  switch (result.program) {
    case 'ccm':
    case 'pcm':
      return {
        ...base,
        consentRequired: result.consentRequired,
        initiatingVisitRequired: result.initiatingVisitRequired,
      };
    case 'case-management':
      return { ...base, authorizationRequired: result.authorizationRequired };
    case 'tcm': {
      const tcm = tcmDates(result);
      return tcm ? { ...base, tcm } : base;
    }
  }
}

/**
 * Runs the rules for one referral. A referral without an attributed practitioner is screened
 * against the practice's billing practitioner, so consent recorded for that practitioner counts.
 */
export function evaluateReferral(input: EvaluationInput): DeterminationView {
  const facts: ReferralFacts =
    input.facts.attributedPractitioner || !input.defaultBillingNpi
      ? input.facts
      : { ...input.facts, attributedPractitioner: { npi: input.defaultBillingNpi } };
  const ctx = {
    today: localDate(input.at, input.timeZone),
    policy: input.policy,
    coverage: input.coverage,
    consent: { records: input.consents, at: input.at },
  };
  const determination = determine(facts, ctx);
  return {
    determinedOn: determination.determinedOn,
    planType: effectivePlanType(facts, input.coverage),
    coverageStatus: determination.coverageStatus,
    conditionCategories: [...evaluateCcm(facts, ctx).conditionCategories],
    complexConditionForPcm: evaluatePcm(facts, ctx).complexConditionCategories.length > 0,
    programs: determination.results.map(programView),
  };
}

/** True when two determinations say the same thing (the date aside), so no new version is due. */
export function sameOutcome(a: DeterminationView, b: DeterminationView): boolean {
  const key = (view: DeterminationView) =>
    JSON.stringify({
      planType: view.planType,
      coverageStatus: view.coverageStatus,
      conditionCategories: view.conditionCategories,
      complexConditionForPcm: view.complexConditionForPcm,
      programs: view.programs.map((p) => ({
        program: p.program,
        status: p.status,
        reasons: p.reasons.map((r) => r.code),
        consentRequired: p.consentRequired,
        initiatingVisitRequired: p.initiatingVisitRequired,
        authorizationRequired: p.authorizationRequired,
        tcm: p.tcm,
      })),
    });
  return key(a) === key(b);
}

/** What `EligibilityDetermined` says about a referral: ids, codes and dates only. */
export function determinedEventData(
  referral: {
    readonly referralId: string;
    readonly patientId: string;
    readonly practiceId: string;
    readonly timeZone: string;
    readonly preferredLanguage?: string;
    readonly facts?: {
      readonly attributedPractitioner?: { npi: string; lastVisitDate?: string | undefined } | undefined;
      readonly diagnoses?: readonly { code: string }[];
    };
    readonly patientKey?: string;
  },
  determinationVersion: number,
  view: DeterminationView,
): z.input<typeof EligibilityDeterminedData> {
  const attributed = referral.facts?.attributedPractitioner;
  return {
    ...(attributed?.lastVisitDate
      ? { lastVisit: { npi: attributed.npi, date: attributed.lastVisitDate } }
      : {}),
    ...(referral.patientKey ? { patientKey: referral.patientKey } : {}),
    ...(referral.facts?.diagnoses
      ? {
          diagnoses: referral.facts.diagnoses.map(({ code }) => ({
            code,
            categories: conditionCategoriesOf(code).map((category) => category.id),
          })),
        }
      : {}),
    referralId: referral.referralId,
    patientId: referral.patientId,
    practiceId: referral.practiceId,
    determinationVersion,
    planType: view.planType,
    programs: view.programs.map((p) => ({
      program: p.program,
      status: p.status,
      reasons: p.reasons.map((r) => r.code),
      ...(p.blockingReasons.length > 0 ? { blockingReasons: [...p.blockingReasons] } : {}),
      ...(p.consentRequired === undefined ? {} : { consentRequired: p.consentRequired }),
      ...(p.initiatingVisitRequired === undefined
        ? {}
        : { initiatingVisitRequired: p.initiatingVisitRequired }),
      ...(p.authorizationRequired === undefined ? {} : { authorizationRequired: p.authorizationRequired }),
      ...(p.tcm ? { tcm: p.tcm } : {}),
    })),
    conditionCategories: [...view.conditionCategories],
    complexConditionForPcm: view.complexConditionForPcm,
    ...(referral.preferredLanguage ? { preferredLanguage: referral.preferredLanguage } : {}),
    timeZone: referral.timeZone,
    coverageStatus: view.coverageStatus,
    determinedOn: view.determinedOn,
  };
}
