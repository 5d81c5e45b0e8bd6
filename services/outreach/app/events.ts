import {
  CommunityReferralStatusChangedV1,
  ContactCompletedV1,
  RiskFlaggedV1,
  RiskFlagResolvedV1,
  ScreeningScoredV1,
  TimeLoggedV1,
  VitalRecordedV1,
} from '@carelink/contracts';
import { type EventDraft, emit } from '@carelink/lambda-kit';
import type * as z from 'zod/mini';
import type { RiskFlagRecord, StoredRiskFlag } from '../store/risk-flags';
import type { StoredTimeEntry } from '../store/time-entries';

// What outreach publishes: ids, codes, scores and times. Notes and replies stay in the service; a vital
// reading leaves only in `VitalRecorded`, which the timeline alone subscribes to.

/** Time logged or voided: who, which program, how long; the note is free text and stays here. */
export function timeLogged(entry: StoredTimeEntry, voided: boolean) {
  return emit(TimeLoggedV1, {
    timeEntryId: entry.id,
    patientId: entry.patientId,
    practiceId: entry.practiceId,
    program: entry.program,
    performer: entry.performer,
    practitionerId: entry.practitionerId,
    startedAt: entry.startedAt.toString(),
    minutes: entry.minutes,
    voided,
  });
}

/** A risk flag as other services learn of it: its kind and reason code, never the reading. */
export const riskFlagged = (flag: StoredRiskFlag): EventDraft =>
  emit(RiskFlaggedV1, {
    flagId: flag.flagId,
    patientId: flag.patientId,
    caseId: flag.caseId,
    practiceId: flag.practiceId,
    kind: flag.kind,
    severity: flag.severity,
    code: flag.code,
    observedAt: flag.observedAt,
  });

/** A flag resolved: who, when and the resolution code; the note stays in the service. */
export const riskFlagResolved = (flag: RiskFlagRecord): EventDraft => {
  if (!flag.resolved) throw new Error('a flag is published as resolved only once it is');
  return emit(RiskFlagResolvedV1, {
    flagId: flag.flagId,
    patientId: flag.patientId,
    caseId: flag.caseId,
    practiceId: flag.practiceId,
    code: flag.code,
    resolution: flag.resolved.resolution,
    resolvedBy: flag.resolved.by,
    resolvedAt: flag.resolved.at,
  });
};

/** A screening's score and band; the answers stay in the service. */
export const screeningScored = (data: z.input<(typeof ScreeningScoredV1)['data']>): EventDraft =>
  emit(ScreeningScoredV1, data);

export const contactCompleted = (data: z.input<(typeof ContactCompletedV1)['data']>): EventDraft =>
  emit(ContactCompletedV1, data);

/** A community referral's step in the closed loop: codes and ids, never the organisation's notes. */
export const communityReferralStatusChanged = (
  data: z.input<(typeof CommunityReferralStatusChangedV1)['data']>,
): EventDraft => emit(CommunityReferralStatusChangedV1, data, data.version);

/** A reading and the thresholds it crossed (by reason code), for the patient's timeline. */
export const vitalRecorded = (data: z.input<(typeof VitalRecordedV1)['data']>): EventDraft =>
  emit(VitalRecordedV1, data);
