import { describe, expect, it } from 'vitest';
import { expectedRevenueCents, feeCents } from './fee-schedule';
import type { MonthDecision } from './month-schema';
import { summarizeMonth } from './summary';

const decision = (lines: Array<[string, number]>, reasons: MonthDecision['reasons'] = []): MonthDecision => ({
  lines: lines.map(([code, units]) => ({ code, units })),
  reasons,
});

describe('summarizeMonth', () => {
  const items = [
    {
      patientId: 'p3',
      decision: decision([
        ['99439', 2],
        ['99490', 1],
      ]),
    },
    { patientId: 'p1', decision: decision([['99490', 1]]) },
    { patientId: 'p2', decision: decision([['99424', 1]]) },
    { patientId: 'p5', decision: decision([], ['NO_CONSENT', 'NO_CARE_PLAN']) },
    { patientId: 'p4', decision: decision([], ['NO_CONSENT']) },
    { patientId: 'p6', decision: decision([], ['BELOW_THRESHOLD']) },
  ];
  const summary = summarizeMonth(items);

  it('counts patients and billed patients', () => {
    expect(summary.patients).toBe(6);
    expect(summary.billedPatients).toBe(3);
  });

  it('counts patients and units per code, sorted by code', () => {
    expect(summary.codes).toEqual([
      { code: '99424', patients: 1, units: 1 },
      { code: '99439', patients: 1, units: 2 },
      { code: '99490', patients: 2, units: 2 },
    ]);
  });

  it('adds up the expected revenue of every billed line', () => {
    const cents = 2 * feeCents('99490') + 2 * feeCents('99439') + feeCents('99424');
    expect(summary.expectedRevenueCents).toBe(cents);
    expect(summary.expectedRevenueCents).toBe(
      items.reduce((sum, item) => sum + expectedRevenueCents(item.decision.lines), 0),
    );
    expect(summary.expectedRevenue).toBe(cents / 100);
  });

  it('groups unbilled patients by reason in canonical order', () => {
    expect(summary.notBilled).toEqual([
      { reason: 'NO_CONSENT', patientIds: ['p4', 'p5'] },
      { reason: 'NO_CARE_PLAN', patientIds: ['p5'] },
      { reason: 'BELOW_THRESHOLD', patientIds: ['p6'] },
    ]);
  });

  it('summarises an empty month', () => {
    expect(summarizeMonth([])).toEqual({
      patients: 0,
      billedPatients: 0,
      codes: [],
      expectedRevenueCents: 0,
      expectedRevenue: 0,
      notBilled: [],
    });
  });
});
