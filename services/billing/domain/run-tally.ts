import { type FeeBasis, feeCents } from './fee-schedule';
import type { PatientMonthResult } from './patient-month';

/**
 * What an attempt has decided so far, over the patient-months up to its checkpoint: kept with the
 * checkpoint, so a resumed attempt counts every patient-month once without reading the results back.
 */
export interface RunTally {
  patientMonths: number;
  billedPatients: number;
  claimLines: number;
  expectedCents: number;
  /** Lines this attempt added, changed or superseded. */
  added: number;
  changed: number;
  superseded: number;
}

export const emptyTally = (): RunTally => ({
  patientMonths: 0,
  billedPatients: 0,
  claimLines: 0,
  expectedCents: 0,
  added: 0,
  changed: 0,
  superseded: 0,
});

/** The tally with the patient-months of one batch (their results as the attempt leaves them) added. */
export function addToTally(
  tally: RunTally,
  results: readonly PatientMonthResult[],
  attempt: number,
  basis: FeeBasis,
): RunTally {
  const next = { ...tally };
  for (const result of results) {
    next.patientMonths += 1;
    const active = result.storedLines.filter((line) => line.status === 'active');
    if (active.length > 0) next.billedPatients += 1;
    next.claimLines += active.length;
    for (const line of active) next.expectedCents += feeCents(line.code, basis) * line.units;
    for (const line of result.storedLines) {
      if (line.lastAction && line.lastActionAttempt === attempt) next[line.lastAction] += 1;
    }
  }
  return next;
}
