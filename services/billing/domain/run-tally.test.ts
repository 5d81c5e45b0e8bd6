import { describe, expect, it } from 'vitest';
import { feeCents, NATIONAL } from './fee-schedule';
import type { PatientMonthResult } from './patient-month';
import { addToTally, emptyTally } from './run-tally';

const result = (patientId: string, storedLines: PatientMonthResult['storedLines']): PatientMonthResult => ({
  patientId,
  lines: [],
  reasons: [],
  holdReason: null,
  audit: { consent: null, carePlan: null, eligibility: null, diagnosisCodes: [] },
  countedEntries: [],
  medicalDecisionMaking: null,
  otherBilled: [],
  storedLines,
  fingerprint: patientId,
  attempt: 2,
});

describe('run tally', () => {
  const basis = NATIONAL;

  it('counts active lines, billed patients, expected cents and what this attempt did to each line', () => {
    const tally = addToTally(
      emptyTally(),
      [
        result('a', [
          { code: '99439', units: 1, status: 'active', lastAction: 'added', lastActionAttempt: 2 },
          { code: '99490', units: 1, status: 'active', lastAction: 'added', lastActionAttempt: 1 },
        ]),
        result('b', [
          { code: '99490', units: 1, status: 'superseded', lastAction: 'superseded', lastActionAttempt: 2 },
        ]),
        result('c', []),
      ],
      2,
      basis,
    );
    expect(tally).toEqual({
      patientMonths: 3,
      billedPatients: 1,
      claimLines: 2,
      expectedCents: feeCents('99439', basis) + feeCents('99490', basis),
      added: 1,
      changed: 0,
      superseded: 1,
    });
  });

  it('adds batch after batch to what the checkpoint kept', () => {
    const one = [
      result('a', [
        { code: '99490', units: 1, status: 'active', lastAction: 'changed', lastActionAttempt: 2 },
      ]),
    ];
    const kept = addToTally(emptyTally(), one, 2, basis);
    expect(addToTally(kept, one, 2, basis)).toMatchObject({ patientMonths: 2, claimLines: 2, changed: 2 });
  });
});
