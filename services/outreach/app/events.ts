import { ContactCompletedV1, RiskFlaggedV1, ScreeningScoredV1, TimeLoggedV1 } from '@carelink/contracts';
import { type EventDraft, emit } from '@carelink/lambda-kit';
import type * as z from 'zod';
import type { StoredRiskFlag } from '../store/risk-flags';
import type { StoredTimeEntry } from '../store/time-entries';

// What outreach publishes: ids, codes, scores and times. Notes, replies and values stay in the service.

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

/** A screening's score and band; the answers stay in the service. */
export const screeningScored = (data: z.input<(typeof ScreeningScoredV1)['data']>): EventDraft =>
  emit(ScreeningScoredV1, data);

export const contactCompleted = (data: z.input<(typeof ContactCompletedV1)['data']>): EventDraft =>
  emit(ContactCompletedV1, data);
