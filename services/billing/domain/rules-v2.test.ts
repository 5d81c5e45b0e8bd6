import { describe, expect, it } from 'vitest';
import { BILLER, baseInput, entry, OTHER } from '../testing/rule-fixtures';
import { decideMonth, PatientMonthInput } from './rules';

const consent = (programs: ('ccm' | 'pcm' | 'apcm')[], obtainedAt = '2026-01-10T15:00:00Z') => ({
  obtainedAt,
  revokedAt: null,
  billingPractitionerId: BILLER,
  programs,
});
const apcm = (overrides: Partial<PatientMonthInput> = {}) =>
  baseInput({ careModel: 'apcm', consent: consent(['apcm']), ...overrides });
const patient = (chronicConditionCount: number, qmb = false) => ({ chronicConditionCount, qmb });

describe('decideMonth v2: consent per program', () => {
  it.each([
    ['a CCM consent bills CCM time', ['ccm'], true],
    ['a PCM-only consent does not bill CCM time', ['pcm'], false],
    ['an APCM consent does not bill time-based CCM', ['apcm'], false],
  ] as const)('%s', (_name, programs, bills) => {
    const decision = decideMonth(baseInput({ consent: consent([...programs]), timeEntries: [entry(25)] }));
    if (bills) expect(decision.lines).toEqual([{ code: '99490', units: 1 }]);
    else expect(decision).toEqual({ lines: [], reasons: ['NO_CONSENT_FOR_PROGRAM'] });
  });
});

describe('decideMonth v2: the initiating visit', () => {
  // Consent on 2026-01-10 (New York): a visit on or after 2025-01-10 local counts.
  it.each([
    ['a visit on the same date a year before consent counts', '2025-01-10T05:00:00Z', true],
    ['a visit the day before that does not', '2025-01-10T04:59:00Z', false],
    ['a visit after consent counts', '2026-02-01T15:00:00Z', true],
    ['no visit at all does not', null, false],
  ] as const)('%s', (_name, lastQualifyingVisitAt, bills) => {
    const decision = decideMonth(baseInput({ lastQualifyingVisitAt, timeEntries: [entry(25)] }));
    if (bills) expect(decision.lines).toEqual([{ code: '99490', units: 1 }]);
    else expect(decision).toEqual({ lines: [], reasons: ['NO_INITIATING_VISIT'] });
  });

  it('applies to PCM as well', () => {
    const pcm = baseInput({
      patient: { chronicConditionCount: 1, complexConditionForPcm: true, qmb: false },
      lastQualifyingVisitAt: null,
      timeEntries: [entry(30, { program: 'pcm' })],
    });
    expect(decideMonth(pcm)).toEqual({ lines: [], reasons: ['NO_INITIATING_VISIT'] });
  });
});

describe('decideMonth v2: APCM care model', () => {
  it.each([
    ['0 conditions', patient(0), 'G0556'],
    ['1 condition', patient(1), 'G0556'],
    ['2 conditions', patient(2), 'G0557'],
    ['2 conditions and QMB', patient(2, true), 'G0558'],
    ['5 conditions and QMB', patient(5, true), 'G0558'],
  ] as const)('%s bills %s, without any time', (_name, who, code) => {
    expect(decideMonth(apcm({ patient: who }))).toEqual({ lines: [{ code, units: 1 }], reasons: [] });
  });

  it('needs consent to APCM and the initiating visit', () => {
    expect(decideMonth(apcm({ consent: consent(['ccm']) })).reasons).toEqual(['NO_CONSENT_FOR_PROGRAM']);
    expect(decideMonth(apcm({ consent: null })).reasons).toEqual(['NO_CONSENT']);
    expect(decideMonth(apcm({ lastQualifyingVisitAt: null })).reasons).toEqual(['NO_INITIATING_VISIT']);
  });

  it('is blocked by CCM or PCM of the same practitioner, and not billed twice', () => {
    const same = apcm({ otherBilled: [{ code: '99490', practitionerId: BILLER }] });
    expect(decideMonth(same)).toEqual({ lines: [], reasons: ['CCM_PCM_SAME_PRACTITIONER'] });
    const pcm = apcm({ otherBilled: [{ code: '99426', practitionerId: BILLER }] });
    expect(decideMonth(pcm).reasons).toEqual(['CCM_PCM_SAME_PRACTITIONER']);
    const billed = apcm({ otherBilled: [{ code: 'G0557', practitionerId: OTHER }] });
    expect(decideMonth(billed).reasons).toEqual(['APCM_BILLED']);
    const other = apcm({ otherBilled: [{ code: '99490', practitionerId: OTHER }] });
    expect(decideMonth(other).lines).toEqual([{ code: 'G0557', units: 1 }]);
  });
});

describe('the v2 input schema', () => {
  it('requires the care model, QMB status, consented programs and the visit', () => {
    const { careModel: _c, ...withoutModel } = baseInput();
    expect(PatientMonthInput.safeParse(withoutModel).success).toBe(false);
    expect(
      PatientMonthInput.safeParse(baseInput({ consent: { ...consent(['ccm']), programs: [] } })).success,
    ).toBe(false);
    expect(PatientMonthInput.safeParse(baseInput()).success).toBe(true);
  });
});
