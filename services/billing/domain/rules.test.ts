import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { BILLER, baseInput, entry, OTHER, physician } from '../testing/rule-fixtures';
import { expectedRevenue } from './fee-schedule';
import {
  countedMinutes,
  decideMonth,
  MonthDecision,
  type PatientMonthInput,
  parsePatientMonthInput,
} from './rules';

const billed = (...lines: Array<[string, number]>): MonthDecision => ({
  lines: lines.map(([code, units]) => ({ code, units })),
  reasons: [],
});
const notBilled = (...reasons: MonthDecision['reasons']): MonthDecision => ({ lines: [], reasons });

const pcmPatient = { chronicConditionCount: 1, complexConditionForPcm: true, qmb: false };
const pcmStaff = (minutes: number) => entry(minutes, { program: 'pcm' });
const pcmPhysician = (minutes: number) => physician(minutes, { program: 'pcm' });

type Case = [string, PatientMonthInput, MonthDecision];

const staffThresholds: Case[] = [
  [
    '19 staff minutes are below the 99490 threshold',
    baseInput({ timeEntries: [entry(19)] }),
    notBilled('BELOW_THRESHOLD'),
  ],
  ['20 staff minutes bill 99490', baseInput({ timeEntries: [entry(20)] }), billed(['99490', 1])],
  ['21 staff minutes bill 99490', baseInput({ timeEntries: [entry(21)] }), billed(['99490', 1])],
  ['39 staff minutes bill 99490 only', baseInput({ timeEntries: [entry(39)] }), billed(['99490', 1])],
  [
    '40 staff minutes add one 99439',
    baseInput({ timeEntries: [entry(40)] }),
    billed(['99439', 1], ['99490', 1]),
  ],
  [
    '41 staff minutes add one 99439',
    baseInput({ timeEntries: [entry(41)] }),
    billed(['99439', 1], ['99490', 1]),
  ],
  [
    '59 staff minutes add one 99439',
    baseInput({ timeEntries: [entry(59)] }),
    billed(['99439', 1], ['99490', 1]),
  ],
  [
    '60 staff minutes add two 99439',
    baseInput({ timeEntries: [entry(60)] }),
    billed(['99439', 2], ['99490', 1]),
  ],
  [
    '61 staff minutes add two 99439',
    baseInput({ timeEntries: [entry(61)] }),
    billed(['99439', 2], ['99490', 1]),
  ],
  [
    '200 staff minutes with low MDM stop at two 99439 units',
    baseInput({ timeEntries: [entry(120), entry(80)] }),
    billed(['99439', 2], ['99490', 1]),
  ],
  [
    'minutes of several entries add up',
    baseInput({ timeEntries: [entry(7), entry(7), entry(6)] }),
    billed(['99490', 1]),
  ],
];

const complexThresholds: Case[] = [
  [
    '60 staff minutes with moderate MDM stay non-complex because 99490 + 2 x 99439 pays more than 99487',
    baseInput({ medicalDecisionMaking: 'moderate', timeEntries: [entry(60)] }),
    billed(['99439', 2], ['99490', 1]),
  ],
  [
    '89 staff minutes with high MDM stay non-complex',
    baseInput({ medicalDecisionMaking: 'high', timeEntries: [entry(89)] }),
    billed(['99439', 2], ['99490', 1]),
  ],
  [
    '90 staff minutes with moderate MDM bill 99487 + 99489',
    baseInput({ medicalDecisionMaking: 'moderate', timeEntries: [entry(90)] }),
    billed(['99487', 1], ['99489', 1]),
  ],
  [
    '91 staff minutes with high MDM bill 99487 + 99489',
    baseInput({ medicalDecisionMaking: 'high', timeEntries: [entry(91)] }),
    billed(['99487', 1], ['99489', 1]),
  ],
  [
    '119 staff minutes bill one 99489',
    baseInput({ medicalDecisionMaking: 'high', timeEntries: [entry(119)] }),
    billed(['99487', 1], ['99489', 1]),
  ],
  [
    '120 staff minutes bill two 99489',
    baseInput({ medicalDecisionMaking: 'high', timeEntries: [entry(120)] }),
    billed(['99487', 1], ['99489', 2]),
  ],
  [
    '150 staff minutes bill three 99489',
    baseInput({ medicalDecisionMaking: 'moderate', timeEntries: [entry(150)] }),
    billed(['99487', 1], ['99489', 3]),
  ],
  [
    '90 staff minutes with low MDM cannot be complex',
    baseInput({ medicalDecisionMaking: 'low', timeEntries: [entry(90)] }),
    billed(['99439', 2], ['99490', 1]),
  ],
  [
    '90 staff minutes without recorded MDM cannot be complex',
    baseInput({ medicalDecisionMaking: null, timeEntries: [entry(90)] }),
    billed(['99439', 2], ['99490', 1]),
  ],
  [
    'complex CCM does not need a substantial revision this month, only an existing care plan',
    baseInput({
      medicalDecisionMaking: 'high',
      carePlan: { establishedAt: '2025-06-01T12:00:00Z', revisedAt: null, substantialRevisionInMonth: false },
      timeEntries: [entry(90)],
    }),
    billed(['99487', 1], ['99489', 1]),
  ],
];

const physicianThresholds: Case[] = [
  [
    '29 physician minutes are below 99491 but count as staff time for 99490',
    baseInput({ timeEntries: [physician(29)] }),
    billed(['99490', 1]),
  ],
  ['30 physician minutes bill 99491', baseInput({ timeEntries: [physician(30)] }), billed(['99491', 1])],
  ['31 physician minutes bill 99491', baseInput({ timeEntries: [physician(31)] }), billed(['99491', 1])],
  ['39 physician minutes bill 99491', baseInput({ timeEntries: [physician(39)] }), billed(['99491', 1])],
  [
    '40 physician minutes pay more pooled as 99490 + 99439 than as 99491',
    baseInput({ timeEntries: [physician(40)] }),
    billed(['99439', 1], ['99490', 1]),
  ],
  [
    '60 physician minutes pay more pooled than as 99491 + 99437',
    baseInput({ timeEntries: [physician(60)] }),
    billed(['99439', 2], ['99490', 1]),
  ],
  [
    '30 physician + 5 staff minutes bill 99491 (pool of 35 only reaches 99490)',
    baseInput({ timeEntries: [physician(30), entry(5)] }),
    billed(['99491', 1]),
  ],
  [
    '30 physician + 10 staff minutes pool to 40 and bill 99490 + 99439',
    baseInput({ timeEntries: [physician(30), entry(10)] }),
    billed(['99439', 1], ['99490', 1]),
  ],
  [
    'physician time of a practitioner who does not bill does not count',
    baseInput({ timeEntries: [physician(45, { practitionerId: OTHER })] }),
    notBilled('NO_COUNTED_TIME'),
  ],
];

const pcmThresholds: Case[] = [
  [
    '29 PCM staff minutes are below 99426',
    baseInput({ patient: pcmPatient, timeEntries: [pcmStaff(29)] }),
    notBilled('BELOW_THRESHOLD'),
  ],
  [
    '30 PCM staff minutes bill 99426',
    baseInput({ patient: pcmPatient, timeEntries: [pcmStaff(30)] }),
    billed(['99426', 1]),
  ],
  [
    '31 PCM staff minutes bill 99426',
    baseInput({ patient: pcmPatient, timeEntries: [pcmStaff(31)] }),
    billed(['99426', 1]),
  ],
  [
    '59 PCM staff minutes bill 99426',
    baseInput({ patient: pcmPatient, timeEntries: [pcmStaff(59)] }),
    billed(['99426', 1]),
  ],
  [
    '60 PCM staff minutes add 99427',
    baseInput({ patient: pcmPatient, timeEntries: [pcmStaff(60)] }),
    billed(['99426', 1], ['99427', 1]),
  ],
  [
    '120 PCM staff minutes stop at one 99427',
    baseInput({ patient: pcmPatient, timeEntries: [pcmStaff(120)] }),
    billed(['99426', 1], ['99427', 1]),
  ],
  [
    '29 PCM physician minutes count as staff time but stay below 99426',
    baseInput({ patient: pcmPatient, timeEntries: [pcmPhysician(29)] }),
    notBilled('BELOW_THRESHOLD'),
  ],
  [
    '30 PCM physician minutes bill 99424',
    baseInput({ patient: pcmPatient, timeEntries: [pcmPhysician(30)] }),
    billed(['99424', 1]),
  ],
  [
    '59 PCM physician minutes bill 99424',
    baseInput({ patient: pcmPatient, timeEntries: [pcmPhysician(59)] }),
    billed(['99424', 1]),
  ],
  [
    '60 PCM physician minutes bill 99424 + 99425',
    baseInput({ patient: pcmPatient, timeEntries: [pcmPhysician(60)] }),
    billed(['99424', 1], ['99425', 1]),
  ],
  [
    'PCM needs the complex condition flag',
    baseInput({ patient: { chronicConditionCount: 1, qmb: false }, timeEntries: [pcmStaff(45)] }),
    notBilled('NOT_PCM_ELIGIBLE'),
  ],
  [
    'PCM needs at least one chronic condition',
    baseInput({
      patient: { chronicConditionCount: 0, complexConditionForPcm: true, qmb: false },
      timeEntries: [pcmStaff(45)],
    }),
    notBilled('NOT_PCM_ELIGIBLE'),
  ],
  [
    'PCM does not need the comprehensive CCM care plan',
    baseInput({ patient: pcmPatient, carePlan: null, timeEntries: [pcmStaff(30)] }),
    billed(['99426', 1]),
  ],
  [
    'with both programs open the better-paying PCM option wins (99424 over 99490)',
    baseInput({
      patient: { chronicConditionCount: 3, complexConditionForPcm: true, qmb: false },
      timeEntries: [entry(20), pcmPhysician(30)],
    }),
    billed(['99424', 1]),
  ],
  [
    'with both programs open the better-paying CCM option wins (99490 + 2 x 99439 over 99424)',
    baseInput({
      patient: { chronicConditionCount: 3, complexConditionForPcm: true, qmb: false },
      timeEntries: [entry(60), pcmPhysician(30)],
    }),
    billed(['99439', 2], ['99490', 1]),
  ],
];

const exclusions: Case[] = [
  [
    'APCM billed by another practitioner absorbs CCM',
    baseInput({ timeEntries: [entry(30)], otherBilled: [{ code: 'G0557', practitionerId: OTHER }] }),
    notBilled('APCM_BILLED'),
  ],
  [
    'APCM billed by the same practitioner absorbs CCM',
    baseInput({ timeEntries: [entry(30)], otherBilled: [{ code: 'G0556', practitionerId: BILLER }] }),
    notBilled('APCM_BILLED'),
  ],
  [
    'APCM absorbs PCM',
    baseInput({
      patient: pcmPatient,
      timeEntries: [pcmStaff(30)],
      otherBilled: [{ code: 'G0558', practitionerId: OTHER }],
    }),
    notBilled('APCM_BILLED'),
  ],
  [
    '99490 billed by another practitioner blocks our CCM',
    baseInput({ timeEntries: [entry(30)], otherBilled: [{ code: '99490', practitionerId: OTHER }] }),
    notBilled('OTHER_PRACTITIONER_BILLED'),
  ],
  [
    '99491 billed by another practitioner blocks our 99490',
    baseInput({ timeEntries: [entry(30)], otherBilled: [{ code: '99491', practitionerId: OTHER }] }),
    notBilled('OTHER_PRACTITIONER_BILLED'),
  ],
  [
    '99487 billed by another practitioner blocks our non-complex CCM',
    baseInput({ timeEntries: [entry(45)], otherBilled: [{ code: '99487', practitionerId: OTHER }] }),
    notBilled('OTHER_PRACTITIONER_BILLED'),
  ],
  [
    'CCM already billed by the same practitioner is not billed twice',
    baseInput({ timeEntries: [entry(45)], otherBilled: [{ code: '99490', practitionerId: BILLER }] }),
    notBilled('ALREADY_BILLED'),
  ],
  [
    'PCM billed by the same practitioner blocks CCM',
    baseInput({ timeEntries: [entry(45)], otherBilled: [{ code: '99424', practitionerId: BILLER }] }),
    notBilled('CCM_PCM_SAME_PRACTITIONER'),
  ],
  [
    'PCM billed by another practitioner does not block our CCM',
    baseInput({ timeEntries: [entry(20)], otherBilled: [{ code: '99426', practitionerId: OTHER }] }),
    billed(['99490', 1]),
  ],
  [
    'CCM billed by another practitioner does not block our PCM',
    baseInput({
      patient: { chronicConditionCount: 2, complexConditionForPcm: true, qmb: false },
      timeEntries: [entry(30), pcmStaff(30)],
      otherBilled: [{ code: '99490', practitionerId: OTHER }],
    }),
    billed(['99426', 1]),
  ],
  [
    'PCM billed by another practitioner blocks our PCM',
    baseInput({
      patient: pcmPatient,
      timeEntries: [pcmStaff(30)],
      otherBilled: [{ code: '99426', practitionerId: OTHER }],
    }),
    notBilled('OTHER_PRACTITIONER_BILLED'),
  ],
  [
    'CCM billed by the same practitioner blocks PCM',
    baseInput({
      patient: pcmPatient,
      timeEntries: [pcmStaff(30)],
      otherBilled: [{ code: '99439', practitionerId: BILLER }],
    }),
    notBilled('CCM_PCM_SAME_PRACTITIONER'),
  ],
  [
    'TCM, RPM and BHI billed elsewhere do not block CCM',
    baseInput({
      timeEntries: [entry(20)],
      otherBilled: [
        { code: '99495', practitionerId: OTHER },
        { code: '99457', practitionerId: BILLER },
        { code: '99484', practitionerId: OTHER },
      ],
    }),
    billed(['99490', 1]),
  ],
];

const consentCases: Case[] = [
  ['no consent, no billing', baseInput({ consent: null, timeEntries: [entry(30)] }), notBilled('NO_CONSENT')],
  [
    'consent for another billing practitioner does not count',
    baseInput({
      consent: {
        obtainedAt: '2026-01-10T15:00:00Z',
        revokedAt: null,
        billingPractitionerId: OTHER,
        programs: ['ccm', 'pcm'],
      },
      timeEntries: [entry(30)],
    }),
    notBilled('CONSENT_OTHER_PRACTITIONER'),
  ],
  [
    'consent obtained after the month ends (April 1, 00:30 New York)',
    baseInput({
      consent: {
        obtainedAt: '2026-04-01T04:30:00Z',
        revokedAt: null,
        billingPractitionerId: BILLER,
        programs: ['ccm', 'pcm'],
      },
      timeEntries: [entry(30)],
    }),
    notBilled('CONSENT_AFTER_MONTH'),
  ],
  [
    'consent obtained on the last evening of the month still opens the month (March 31, 23:30 New York)',
    baseInput({
      consent: {
        obtainedAt: '2026-04-01T03:30:00Z',
        revokedAt: null,
        billingPractitionerId: BILLER,
        programs: ['ccm', 'pcm'],
      },
      timeEntries: [entry(20, { at: '2026-04-01T03:45:00Z' })],
    }),
    billed(['99490', 1]),
  ],
  [
    'time before consent obtained mid-month does not count',
    baseInput({
      consent: {
        obtainedAt: '2026-03-15T12:00:00Z',
        revokedAt: null,
        billingPractitionerId: BILLER,
        programs: ['ccm', 'pcm'],
      },
      timeEntries: [entry(25, { at: '2026-03-15T11:59:59Z' }), entry(15, { at: '2026-03-16T12:00:00Z' })],
    }),
    notBilled('BELOW_THRESHOLD'),
  ],
  [
    'time at the very instant consent is obtained counts',
    baseInput({
      consent: {
        obtainedAt: '2026-03-15T12:00:00Z',
        revokedAt: null,
        billingPractitionerId: BILLER,
        programs: ['ccm', 'pcm'],
      },
      timeEntries: [entry(5, { at: '2026-03-14T12:00:00Z' }), entry(20, { at: '2026-03-15T12:00:00Z' })],
    }),
    billed(['99490', 1]),
  ],
  [
    'only time before consent means no counted time',
    baseInput({
      consent: {
        obtainedAt: '2026-03-20T12:00:00Z',
        revokedAt: null,
        billingPractitionerId: BILLER,
        programs: ['ccm', 'pcm'],
      },
      timeEntries: [entry(45, { at: '2026-03-05T12:00:00Z' })],
    }),
    notBilled('NO_COUNTED_TIME'),
  ],
  [
    'consent revoked mid-month stops counting at the revocation',
    baseInput({
      consent: {
        obtainedAt: '2026-01-10T15:00:00Z',
        revokedAt: '2026-03-12T00:00:00Z',
        billingPractitionerId: BILLER,
        programs: ['ccm', 'pcm'],
      },
      timeEntries: [entry(20, { at: '2026-03-11T23:59:00Z' }), entry(20, { at: '2026-03-12T00:00:00Z' })],
    }),
    billed(['99490', 1]),
  ],
  [
    'consent revoked before the month starts',
    baseInput({
      consent: {
        obtainedAt: '2026-01-10T15:00:00Z',
        revokedAt: '2026-02-20T00:00:00Z',
        billingPractitionerId: BILLER,
        programs: ['ccm', 'pcm'],
      },
      timeEntries: [entry(30)],
    }),
    notBilled('CONSENT_REVOKED'),
  ],
  [
    'consent revoked exactly at the start of the month (March 1, 00:00 New York)',
    baseInput({
      consent: {
        obtainedAt: '2026-01-10T15:00:00Z',
        revokedAt: '2026-03-01T05:00:00Z',
        billingPractitionerId: BILLER,
        programs: ['ccm', 'pcm'],
      },
      timeEntries: [entry(30)],
    }),
    notBilled('CONSENT_REVOKED'),
  ],
];

const carePlanAndConditions: Case[] = [
  [
    'no care plan, no CCM',
    baseInput({ carePlan: null, timeEntries: [entry(30)] }),
    notBilled('NO_CARE_PLAN'),
  ],
  [
    'care plan established after the month ends',
    baseInput({
      carePlan: { establishedAt: '2026-04-02T12:00:00Z', revisedAt: null, substantialRevisionInMonth: true },
      timeEntries: [entry(30)],
    }),
    notBilled('CARE_PLAN_AFTER_MONTH'),
  ],
  [
    'care plan established late in the month covers the whole month',
    baseInput({
      carePlan: { establishedAt: '2026-03-30T12:00:00Z', revisedAt: null, substantialRevisionInMonth: true },
      timeEntries: [entry(20, { at: '2026-03-02T12:00:00Z' })],
    }),
    billed(['99490', 1]),
  ],
  [
    'CCM needs two chronic conditions',
    baseInput({ patient: { chronicConditionCount: 1, qmb: false }, timeEntries: [entry(30)] }),
    notBilled('INSUFFICIENT_CHRONIC_CONDITIONS'),
  ],
  [
    'every blocking reason is reported, in the canonical order',
    baseInput({
      consent: null,
      carePlan: null,
      patient: { chronicConditionCount: 1, qmb: false },
      timeEntries: [entry(30)],
    }),
    notBilled('NO_CONSENT', 'INSUFFICIENT_CHRONIC_CONDITIONS', 'NO_CARE_PLAN'),
  ],
  ['a month without any time says so', baseInput(), notBilled('NO_COUNTED_TIME')],
];

const zoneCases: Case[] = [
  [
    '2026-03-01T03:00Z is still February in New York, so it does not count for March',
    baseInput({ timeEntries: [entry(20, { at: '2026-03-01T03:00:00Z' })] }),
    notBilled('NO_COUNTED_TIME'),
  ],
  [
    '2026-03-01T03:00Z counts for February in New York',
    baseInput({ month: '2026-02', timeEntries: [entry(20, { at: '2026-03-01T03:00:00Z' })] }),
    billed(['99490', 1]),
  ],
  [
    'March 1, 00:00 New York (05:00Z, standard time) is the first counted instant',
    baseInput({ timeEntries: [entry(20, { at: '2026-03-01T05:00:00Z' })] }),
    billed(['99490', 1]),
  ],
  [
    'after the March DST change the month ends at 04:00Z: 03:59:59Z is still March',
    baseInput({ timeEntries: [entry(20, { at: '2026-04-01T03:59:59Z' })] }),
    billed(['99490', 1]),
  ],
  [
    'after the March DST change 04:00Z on April 1 is already April',
    baseInput({ timeEntries: [entry(20, { at: '2026-04-01T04:00:00Z' })] }),
    notBilled('NO_COUNTED_TIME'),
  ],
  [
    'November starts at 04:00Z (daylight time) in New York',
    baseInput({
      month: '2026-11',
      consent: {
        obtainedAt: '2026-01-10T15:00:00Z',
        revokedAt: null,
        billingPractitionerId: BILLER,
        programs: ['ccm', 'pcm'],
      },
      timeEntries: [entry(20, { at: '2026-11-01T04:30:00Z' })],
    }),
    billed(['99490', 1]),
  ],
  [
    'after the November DST change the month ends at 05:00Z: 04:30Z on December 1 is still November',
    baseInput({ month: '2026-11', timeEntries: [entry(20, { at: '2026-12-01T04:30:00Z' })] }),
    billed(['99490', 1]),
  ],
  [
    'offsets in the entry instants are honoured (March 31 23:30-04:00 is 03:30Z on April 1, still March)',
    baseInput({ timeEntries: [entry(20, { at: '2026-03-31T23:30:00-04:00' })] }),
    billed(['99490', 1]),
  ],
  [
    'a zone ahead of UTC moves the boundary the other way (Auckland, +13 in March)',
    baseInput({
      timeZone: 'Pacific/Auckland',
      month: '2026-03',
      timeEntries: [entry(20, { at: '2026-02-28T11:30:00Z' })],
    }),
    billed(['99490', 1]),
  ],
];

const programCases: Case[] = [
  [
    'TCM, RPM and BHI minutes never count toward CCM',
    baseInput({
      timeEntries: [
        entry(30, { program: 'tcm' }),
        entry(30, { program: 'rpm' }),
        entry(30, { program: 'bhi' }),
      ],
    }),
    notBilled('NO_COUNTED_TIME'),
  ],
  [
    'RPM minutes do not lift CCM over the threshold',
    baseInput({ timeEntries: [entry(15), entry(30, { program: 'rpm' })] }),
    notBilled('BELOW_THRESHOLD'),
  ],
  [
    'PCM minutes do not count toward CCM',
    baseInput({ timeEntries: [entry(10), pcmStaff(30)] }),
    notBilled('NOT_PCM_ELIGIBLE', 'BELOW_THRESHOLD'),
  ],
  [
    'CCM minutes do not count toward PCM',
    baseInput({ patient: pcmPatient, timeEntries: [entry(30), pcmStaff(10)] }),
    notBilled('INSUFFICIENT_CHRONIC_CONDITIONS', 'BELOW_THRESHOLD'),
  ],
];

describe('decideMonth', () => {
  describe.each([
    ['clinical staff CCM thresholds', staffThresholds],
    ['complex CCM', complexThresholds],
    ['physician CCM and pooling', physicianThresholds],
    ['PCM', pcmThresholds],
    ['exclusions', exclusions],
    ['consent timing', consentCases],
    ['care plan and chronic conditions', carePlanAndConditions],
    ['month boundaries in the practice time zone', zoneCases],
    ['program filtering', programCases],
  ])('%s', (_group, cases) => {
    it.each(cases)('%s', (_name, input, expected) => {
      expect(decideMonth(input)).toEqual(expected);
    });
  });

  it('chooses complex CCM from 90 minutes because it pays more than the capped non-complex option', () => {
    const complex = decideMonth(baseInput({ medicalDecisionMaking: 'high', timeEntries: [entry(90)] }));
    const nonComplex = decideMonth(baseInput({ medicalDecisionMaking: 'low', timeEntries: [entry(90)] }));
    expect(expectedRevenue(complex.lines)).toBeGreaterThan(expectedRevenue(nonComplex.lines));
  });

  it('chooses non-complex CCM at 60 minutes because 99487 alone pays less', () => {
    const decision = decideMonth(baseInput({ medicalDecisionMaking: 'high', timeEntries: [entry(60)] }));
    expect(expectedRevenue(decision.lines)).toBeGreaterThan(expectedRevenue([{ code: '99487', units: 1 }]));
  });

  it('returns a decision that satisfies the MonthDecision schema', () => {
    expect(MonthDecision.safeParse(decideMonth(baseInput({ timeEntries: [entry(45)] }))).success).toBe(true);
    expect(MonthDecision.safeParse(decideMonth(baseInput())).success).toBe(true);
  });
});

describe('input validation', () => {
  it.each<[string, unknown]>([
    ['a month out of range', { ...baseInput(), month: '2026-13' }],
    ['a month without padding', { ...baseInput(), month: '2026-3' }],
    ['an unknown time zone', { ...baseInput(), timeZone: 'Mars/Olympus_Mons' }],
    ['a fixed offset instead of a zone name', { ...baseInput(), timeZone: '+05:00' }],
    ['negative minutes', baseInput({ timeEntries: [entry(-1)] })],
    ['fractional minutes', baseInput({ timeEntries: [entry(1.5)] })],
    ['an instant without offset', baseInput({ timeEntries: [entry(20, { at: '2026-03-10T10:00:00' })] })],
    ['an unknown program', { ...baseInput(), timeEntries: [{ ...entry(20), program: 'apcm' }] }],
    ['a missing billing practitioner', { ...baseInput(), billingPractitionerId: undefined }],
    ['an unknown MDM level', { ...baseInput(), medicalDecisionMaking: 'extreme' }],
  ])('rejects %s with a ZodError', (_name, raw) => {
    expect(() => decideMonth(raw as PatientMonthInput)).toThrow(z.core.$ZodError);
    expect(() => parsePatientMonthInput(raw)).toThrow(z.core.$ZodError);
  });

  it('keeps patient data out of error messages', () => {
    const secret = 'Jane Q. Public 1950-02-03';
    const raw = { ...baseInput(), patient: { chronicConditionCount: secret, qmb: false } };
    const error = (() => {
      try {
        parsePatientMonthInput(raw);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(z.core.$ZodError);
    expect(String((error as Error).message)).not.toContain(secret);
  });

  it('returns a frozen copy that decides exactly like the raw input', () => {
    const raw = baseInput({ medicalDecisionMaking: 'high', timeEntries: [entry(95), physician(10)] });
    const parsed = parsePatientMonthInput(raw);
    expect(Object.isFrozen(parsed)).toBe(true);
    expect(Object.isFrozen(parsed.timeEntries[0])).toBe(true);
    expect(decideMonth(parsed)).toEqual(decideMonth(raw));
  });

  it('strips unknown keys at the boundary', () => {
    const parsed = parsePatientMonthInput({ ...baseInput(), note: 'free text' });
    expect(parsed).not.toHaveProperty('note');
  });
});

describe('countedMinutes', () => {
  it('counts per pool with the same rules as decideMonth', () => {
    const counted = countedMinutes(
      baseInput({
        timeEntries: [
          entry(12),
          physician(7),
          physician(9, { practitionerId: OTHER }),
          entry(5, { program: 'pcm' }),
          physician(4, { program: 'pcm' }),
          entry(30, { program: 'rpm' }),
          entry(50, { at: '2026-02-27T12:00:00Z' }),
        ],
      }),
    );
    expect(counted).toEqual({ ccmStaff: 12, ccmPhysician: 7, pcmStaff: 5, pcmPhysician: 4 });
  });

  it('counts nothing without consent', () => {
    expect(countedMinutes(baseInput({ consent: null, timeEntries: [entry(40)] }))).toEqual({
      ccmStaff: 0,
      ccmPhysician: 0,
      pcmStaff: 0,
      pcmPhysician: 0,
    });
  });
});
