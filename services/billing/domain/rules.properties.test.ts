import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BILLER, OTHER } from '../testing/rule-fixtures';
import { ADD_ON_UNIT_CAPS, BILLABLE_CODES } from './codes';
import { expectedRevenueCents } from './fee-schedule';
import { decideMonth, MonthDecision, type PatientMonthInput, type TimeEntry } from './rules';

const MARCH_START = Date.parse('2026-02-25T00:00:00Z');
const MARCH_END = Date.parse('2026-04-05T00:00:00Z');

const instant = fc.integer({ min: MARCH_START, max: MARCH_END }).map((ms) => new Date(ms).toISOString());

const timeEntry: fc.Arbitrary<TimeEntry> = fc.record({
  at: instant,
  minutes: fc.integer({ min: 0, max: 70 }),
  performer: fc.constantFrom('clinical-staff' as const, 'physician' as const),
  practitionerId: fc.constantFrom(BILLER, OTHER, 'staff-9'),
  program: fc.constantFrom('ccm' as const, 'pcm' as const, 'tcm' as const, 'rpm' as const, 'bhi' as const),
});

const input: fc.Arbitrary<PatientMonthInput> = fc.record({
  month: fc.constant('2026-03'),
  timeZone: fc.constantFrom('America/New_York', 'UTC', 'Pacific/Auckland', 'America/Los_Angeles'),
  careModel: fc.constantFrom('time-based' as const, 'time-based' as const, 'apcm' as const),
  patient: fc.record({
    chronicConditionCount: fc.integer({ min: 0, max: 5 }),
    complexConditionForPcm: fc.option(fc.boolean(), { nil: undefined }),
    qmb: fc.boolean(),
  }),
  consent: fc.option(
    fc.record({
      obtainedAt: instant,
      revokedAt: fc.option(instant, { nil: null }),
      billingPractitionerId: fc.constantFrom(BILLER, BILLER, OTHER),
      programs: fc.subarray(['ccm' as const, 'pcm' as const, 'apcm' as const], { minLength: 1 }),
    }),
    { nil: null, freq: 5 },
  ),
  lastQualifyingVisitAt: fc.option(fc.constantFrom('2024-06-01T15:00:00Z', '2025-12-01T15:00:00Z'), {
    nil: null,
    freq: 4,
  }),
  carePlan: fc.option(
    fc.record({
      establishedAt: instant,
      revisedAt: fc.option(instant, { nil: null }),
      substantialRevisionInMonth: fc.boolean(),
    }),
    { nil: null, freq: 5 },
  ),
  medicalDecisionMaking: fc.constantFrom('low' as const, 'moderate' as const, 'high' as const, null),
  timeEntries: fc.array(timeEntry, { maxLength: 12 }),
  otherBilled: fc.array(
    fc.record({
      code: fc.constantFrom('99490', '99491', '99487', '99424', '99426', 'G0557', '99495', '99457'),
      practitionerId: fc.constantFrom(BILLER, OTHER),
    }),
    { maxLength: 2 },
  ),
  billingPractitionerId: fc.constant(BILLER),
});

describe('decideMonth properties', () => {
  it('never bills more add-on units than the caps allow', () => {
    fc.assert(
      fc.property(input, (month) => {
        for (const line of decideMonth(month).lines) {
          expect(line.units).toBeGreaterThanOrEqual(1);
          expect(line.units).toBeLessThanOrEqual(ADD_ON_UNIT_CAPS[line.code] ?? 1);
        }
      }),
    );
  });

  it('only emits known codes, sorted by code, one line per code', () => {
    fc.assert(
      fc.property(input, (month) => {
        const codes = decideMonth(month).lines.map((line) => line.code);
        expect(codes).toEqual([...new Set(codes)].sort());
        for (const code of codes) expect(BILLABLE_CODES).toContain(code);
      }),
    );
  });

  it('gives reasons exactly when nothing is billed', () => {
    fc.assert(
      fc.property(input, (month) => {
        const decision = decideMonth(month);
        expect(decision.reasons.length > 0).toBe(decision.lines.length === 0);
        expect(MonthDecision.safeParse(decision).success).toBe(true);
      }),
    );
  });

  it('never loses revenue when minutes are added', () => {
    fc.assert(
      fc.property(input, timeEntry, (month, extra) => {
        const before = expectedRevenueCents(decideMonth(month).lines);
        const after = expectedRevenueCents(
          decideMonth({ ...month, timeEntries: [...month.timeEntries, extra] }).lines,
        );
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('does not depend on the order of the time entries', () => {
    fc.assert(
      fc.property(input, (month) => {
        const reversed = { ...month, timeEntries: [...month.timeEntries].reverse() };
        expect(decideMonth(reversed)).toEqual(decideMonth(month));
      }),
    );
  });

  it('never bills complex and non-complex CCM, or CCM and PCM, together', () => {
    const families = [
      ['99490', '99439'],
      ['99491', '99437'],
      ['99487', '99489'],
      ['99424', '99425'],
      ['99426', '99427'],
    ];
    fc.assert(
      fc.property(input, (month) => {
        const codes = decideMonth(month).lines.map((line) => line.code);
        const used = families.filter((family) => family.some((code) => codes.includes(code)));
        expect(used.length).toBeLessThanOrEqual(1);
      }),
    );
  });
});
