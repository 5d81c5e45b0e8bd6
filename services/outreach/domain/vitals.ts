import { addDays, compareInstants, localDate } from '@carelink/calendar';
import { VitalThresholds as VitalThresholdsSchema } from '@carelink/contracts';
import * as z from 'zod/mini';
import { InstantSchema } from './instant-schema';
import { LOINC, type RiskFlag, type RiskFlagKind, type RiskSeverity } from './risk-flags';
import { parseOrThrow } from './validation';

/** UCUM unit codes accepted for each vital. */
export const VITAL_UNITS = {
  bloodPressure: 'mm[Hg]',
  glucose: 'mg/dL',
  pounds: '[lb_av]',
  kilograms: 'kg',
  spo2: '%',
  heartRate: '/min',
} as const;

const LB_PER_KG = 2.204_622_621_85;

/**
 * A home or clinic vital-sign observation. Ranges reject values no living patient produces, which
 * catches unit mix-ups and typing slips before they can raise or hide a flag.
 */
export const VitalObservationSchema = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('blood-pressure'),
      systolic: z.number().check(z.gte(50), z.lte(300)),
      diastolic: z.number().check(z.gte(20), z.lte(200)),
      unit: z.literal(VITAL_UNITS.bloodPressure),
      observedAt: InstantSchema,
    })
    .check(z.refine((bp) => bp.systolic > bp.diastolic, { path: ['diastolic'], message: 'below systolic' })),
  z.strictObject({
    type: z.literal('glucose'),
    value: z.number().check(z.gte(10), z.lte(1000)),
    unit: z.literal(VITAL_UNITS.glucose),
    observedAt: InstantSchema,
  }),
  z
    .strictObject({
      type: z.literal('body-weight'),
      value: z.number().check(z.gt(0)),
      unit: z.enum([VITAL_UNITS.pounds, VITAL_UNITS.kilograms]),
      observedAt: InstantSchema,
    })
    .check(
      z.refine(
        (weight) => {
          const pounds = toPounds(weight.value, weight.unit);
          return pounds >= 2 && pounds <= 1000;
        },
        { path: ['value'], message: 'implausible body weight' },
      ),
    ),
  z.strictObject({
    type: z.literal('spo2'),
    value: z.number().check(z.gte(50), z.lte(100)),
    unit: z.literal(VITAL_UNITS.spo2),
    observedAt: InstantSchema,
  }),
  z.strictObject({
    type: z.literal('heart-rate'),
    value: z.number().check(z.gte(20), z.lte(300)),
    unit: z.literal(VITAL_UNITS.heartRate),
    observedAt: InstantSchema,
  }),
]);

/** A validated vital-sign observation. */
export type VitalObservation = z.output<typeof VitalObservationSchema>;

/** Alert thresholds for one care plan. */
export type VitalThresholds = z.infer<typeof VitalThresholdsSchema>;

/** Thresholds used unless a care plan overrides them. */
export const DEFAULT_VITAL_THRESHOLDS: VitalThresholds = Object.freeze({
  systolicAbove: 180,
  diastolicAbove: 120,
  glucoseBelow: 70,
  glucoseAbove: 300,
  spo2Below: 90,
  heartRateBelow: 40,
  heartRateAbove: 130,
  weightGainPerDayLb: 2,
  weightGainPerWeekLb: 5,
});

/** The vitals monitoring settings of a care plan. */
export interface VitalsPolicy {
  /** Weight gain is only a warning sign of fluid retention in heart failure, so it is checked only then. */
  readonly heartFailure: boolean;
  readonly thresholds?: Partial<VitalThresholds>;
}

/** Merges a plan's overrides onto the defaults and validates the result. */
export function resolveVitalThresholds(overrides: Partial<VitalThresholds> = {}): VitalThresholds {
  return parseOrThrow(
    VitalThresholdsSchema,
    { ...DEFAULT_VITAL_THRESHOLDS, ...overrides },
    'vital thresholds',
  );
}

function toPounds(value: number, unit: string): number {
  return unit === VITAL_UNITS.kilograms ? value * LB_PER_KG : value;
}

/** Scales report to a tenth, so gains are compared at a hundredth to keep kg conversion noise out. */
function roundGain(pounds: number): number {
  return Math.round(pounds * 100) / 100;
}

type WeightObservation = Extract<VitalObservation, { type: 'body-weight' }>;

/**
 * The largest gain from any earlier weight whose local date is at most `days` before the current
 * one. Calendar days in the patient's zone are used, not 24-hour windows, so a morning weigh-in a
 * few minutes later than yesterday's still compares with it.
 */
function gainWithinDays(
  current: WeightObservation,
  history: readonly VitalObservation[],
  days: number,
  timeZone: string,
): number {
  const earliest = addDays(localDate(current.observedAt, timeZone), -days);
  let lowest: number | undefined;
  for (const earlier of history) {
    if (earlier.type !== 'body-weight') continue;
    if (compareInstants(earlier.observedAt, current.observedAt) >= 0) continue;
    if (localDate(earlier.observedAt, timeZone) < earliest) continue;
    const pounds = toPounds(earlier.value, earlier.unit);
    if (lowest === undefined || pounds < lowest) lowest = pounds;
  }
  return lowest === undefined ? 0 : roundGain(toPounds(current.value, current.unit) - lowest);
}

/**
 * Evaluates one observation against the plan's thresholds and returns the risk flags it raises.
 * `history` holds the patient's earlier observations (any type, any order); it is only read for
 * the heart-failure weight checks. `timeZone` is the patient's, for calendar-day comparisons.
 */
export function evaluateVital(
  observation: unknown,
  history: readonly VitalObservation[],
  policy: VitalsPolicy,
  timeZone: string,
): RiskFlag[] {
  const vital = parseOrThrow(VitalObservationSchema, observation, 'vital observation');
  const limits = resolveVitalThresholds(policy.thresholds);
  const flags: RiskFlag[] = [];
  const raise = (when: boolean, kind: RiskFlagKind, severity: RiskSeverity, code: string): void => {
    if (when) flags.push({ kind, severity, observedAt: vital.observedAt, code });
  };
  switch (vital.type) {
    case 'blood-pressure':
      raise(
        vital.systolic > limits.systolicAbove || vital.diastolic > limits.diastolicAbove,
        'hypertensive-crisis',
        'urgent',
        LOINC.bloodPressurePanel,
      );
      break;
    case 'glucose':
      raise(vital.value < limits.glucoseBelow, 'hypoglycemia', 'urgent', LOINC.glucose);
      raise(vital.value > limits.glucoseAbove, 'hyperglycemia', 'high', LOINC.glucose);
      break;
    case 'spo2':
      raise(vital.value < limits.spo2Below, 'hypoxemia', 'urgent', LOINC.spo2);
      break;
    case 'heart-rate':
      raise(vital.value < limits.heartRateBelow, 'bradycardia', 'high', LOINC.heartRate);
      raise(vital.value > limits.heartRateAbove, 'tachycardia', 'high', LOINC.heartRate);
      break;
    case 'body-weight':
      if (!policy.heartFailure) break;
      raise(
        gainWithinDays(vital, history, 1, timeZone) > limits.weightGainPerDayLb,
        'weight-gain-day',
        'high',
        LOINC.bodyWeight,
      );
      raise(
        gainWithinDays(vital, history, 7, timeZone) > limits.weightGainPerWeekLb,
        'weight-gain-week',
        'high',
        LOINC.bodyWeight,
      );
      break;
  }
  return flags;
}
