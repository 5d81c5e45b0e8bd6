import { addMilliseconds, DAY_MS, parseInstant } from '@carelink/calendar';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors';
import {
  evaluateVital,
  resolveVitalThresholds,
  type VitalObservation,
  VitalObservationSchema,
} from './vitals';

const zone = 'America/Chicago';
const at = '2026-04-15T13:00:00Z';
const plain = { heartFailure: false };

function weight(observedAt: string, value: number, unit: '[lb_av]' | 'kg' = '[lb_av]'): VitalObservation {
  return VitalObservationSchema.parse({ type: 'body-weight', value, unit, observedAt });
}

describe('vital thresholds', () => {
  it.each([
    [
      { type: 'blood-pressure', systolic: 181, diastolic: 90, unit: 'mm[Hg]' },
      ['hypertensive-crisis', 'urgent'],
    ],
    [
      { type: 'blood-pressure', systolic: 170, diastolic: 121, unit: 'mm[Hg]' },
      ['hypertensive-crisis', 'urgent'],
    ],
    [{ type: 'blood-pressure', systolic: 180, diastolic: 120, unit: 'mm[Hg]' }, undefined],
    [{ type: 'glucose', value: 69, unit: 'mg/dL' }, ['hypoglycemia', 'urgent']],
    [{ type: 'glucose', value: 70, unit: 'mg/dL' }, undefined],
    [{ type: 'glucose', value: 300, unit: 'mg/dL' }, undefined],
    [{ type: 'glucose', value: 301, unit: 'mg/dL' }, ['hyperglycemia', 'high']],
    [{ type: 'spo2', value: 89, unit: '%' }, ['hypoxemia', 'urgent']],
    [{ type: 'spo2', value: 90, unit: '%' }, undefined],
    [{ type: 'heart-rate', value: 39, unit: '/min' }, ['bradycardia', 'high']],
    [{ type: 'heart-rate', value: 40, unit: '/min' }, undefined],
    [{ type: 'heart-rate', value: 130, unit: '/min' }, undefined],
    [{ type: 'heart-rate', value: 131, unit: '/min' }, ['tachycardia', 'high']],
  ])('evaluates %o to %o', (reading, expected) => {
    const flags = evaluateVital({ ...reading, observedAt: at }, [], plain, zone);
    expect(flags.map((flag) => [flag.kind, flag.severity])).toEqual(expected ? [expected] : []);
    for (const flag of flags) expect(flag.observedAt).toBe(parseInstant(at));
  });

  it('applies a plan override instead of the default', () => {
    const reading = { type: 'blood-pressure', systolic: 165, diastolic: 95, unit: 'mm[Hg]', observedAt: at };
    expect(evaluateVital(reading, [], plain, zone)).toEqual([]);
    const flags = evaluateVital(
      reading,
      [],
      { heartFailure: false, thresholds: { systolicAbove: 160 } },
      zone,
    );
    expect(flags.map((flag) => flag.code)).toEqual(['85354-9']);
  });

  it('rejects thresholds that make no sense', () => {
    expect(() => resolveVitalThresholds({ spo2Below: 120 })).toThrow(InvalidInputError);
  });
});

describe('vital validation', () => {
  it.each([
    ['a wrong unit', { type: 'glucose', value: 5.5, unit: 'mmol/L', observedAt: at }],
    ['an implausible SpO2', { type: 'spo2', value: 101, unit: '%', observedAt: at }],
    [
      'diastolic above systolic',
      { type: 'blood-pressure', systolic: 80, diastolic: 120, unit: 'mm[Hg]', observedAt: at },
    ],
    ['an implausible weight in kg', { type: 'body-weight', value: 900, unit: 'kg', observedAt: at }],
    [
      'a time without offset',
      { type: 'heart-rate', value: 70, unit: '/min', observedAt: '2026-04-15T08:00:00' },
    ],
  ])('rejects %s', (_label, reading) => {
    expect(() => evaluateVital(reading, [], plain, zone)).toThrow(InvalidInputError);
  });

  it('keeps the rejected value out of the error', () => {
    try {
      evaluateVital({ type: 'glucose', value: 4242, unit: 'mg/dL', observedAt: at }, [], plain, zone);
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('4242');
      expect(JSON.stringify(error)).not.toContain('4242');
    }
  });
});

describe('heart-failure weight gain', () => {
  const hf = { heartFailure: true };

  it('flags a gain of more than 2 lb since yesterday morning even when more than 24 hours apart', () => {
    const history = [weight('2026-04-14T12:50:00Z', 180)];
    const flags = evaluateVital(weight('2026-04-15T13:05:00Z', 182.2), history, hf, zone);
    expect(flags.map((flag) => flag.kind)).toEqual(['weight-gain-day']);
  });

  it('does not flag exactly 2 lb in a day', () => {
    const history = [weight('2026-04-14T13:00:00Z', 180)];
    expect(evaluateVital(weight(at, 182), history, hf, zone)).toEqual([]);
  });

  it('flags more than 5 lb over a week of small daily gains', () => {
    const history = [0, 1, 2, 3, 4, 5, 6].map((day) =>
      weight(addMilliseconds(parseInstant('2026-04-08T13:00:00Z'), day * DAY_MS), 180 + day * 0.9),
    );
    const flags = evaluateVital(weight(at, 185.6), history, hf, zone);
    expect(flags.map((flag) => flag.kind)).toEqual(['weight-gain-week']);
  });

  it('ignores weights older than a week and later than the reading', () => {
    const history = [weight('2026-04-07T13:00:00Z', 170), weight('2026-04-15T20:00:00Z', 170)];
    expect(evaluateVital(weight(at, 180), history, hf, zone)).toEqual([]);
  });

  it('compares kilograms and pounds in the same unit', () => {
    const history = [weight('2026-04-14T13:00:00Z', 80, 'kg')];
    const flags = evaluateVital(weight(at, 81.5, 'kg'), history, hf, zone);
    expect(flags.map((flag) => flag.kind)).toEqual(['weight-gain-day']);
  });

  it('does not check weight gain for plans without heart failure', () => {
    const history = [weight('2026-04-14T13:00:00Z', 170)];
    expect(evaluateVital(weight(at, 180), history, plain, zone)).toEqual([]);
  });
});
