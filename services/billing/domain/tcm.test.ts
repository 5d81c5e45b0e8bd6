import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideTcm, type TcmInput } from './tcm';

// A Friday discharge in Boston: two business days later is Tuesday 20 October.
const at = (date: string, time = '15:00:00') => `${date}T${time}Z`;
const contact = (date: string, successful = true, interactive = true) => ({
  at: at(date),
  successful,
  interactive,
});
const tcm = (overrides: Partial<TcmInput> = {}): TcmInput => ({
  timeZone: 'America/New_York',
  discharge: { at: at('2026-10-16', '14:00:00'), from: 'inpatient-acute', to: 'home' },
  contactAttempts: [contact('2026-10-19')],
  faceToFaceVisitAt: at('2026-10-22'),
  medicalDecisionMaking: 'high',
  diedAt: null,
  alreadyBilledForThisDischarge: false,
  ...overrides,
});
const line = (code: string, dateOfService: string) => ({
  lines: [{ code, units: 1, dateOfService }],
  reasons: [],
});
const none = (...reasons: string[]) => ({ lines: [], reasons });

describe('decideTcm: the face-to-face visit', () => {
  it.each([
    ['high MDM on day 6 bills 99496', '2026-10-22', 'high', line('99496', '2026-10-22')],
    ['high MDM on day 7 bills 99496', '2026-10-23', 'high', line('99496', '2026-10-23')],
    ['high MDM on day 8 bills 99495', '2026-10-24', 'high', line('99495', '2026-10-24')],
    ['moderate MDM on day 3 bills 99495', '2026-10-19', 'moderate', line('99495', '2026-10-19')],
    ['moderate MDM on day 14 bills 99495', '2026-10-30', 'moderate', line('99495', '2026-10-30')],
    ['moderate MDM on day 15 is late', '2026-10-31', 'moderate', none('FACE_TO_FACE_LATE')],
    ['high MDM on day 15 is late', '2026-10-31', 'high', none('FACE_TO_FACE_LATE')],
    ['low MDM bills nothing', '2026-10-22', 'low', none('MDM_BELOW_MODERATE')],
    ['straightforward MDM bills nothing', '2026-10-22', 'straightforward', none('MDM_BELOW_MODERATE')],
  ] as const)('%s', (_name, visit, mdm, expected) => {
    expect(decideTcm(tcm({ faceToFaceVisitAt: at(visit), medicalDecisionMaking: mdm }))).toEqual(expected);
  });

  it('needs a visit, after the discharge', () => {
    expect(decideTcm(tcm({ faceToFaceVisitAt: null }))).toEqual(none('NO_FACE_TO_FACE'));
    expect(decideTcm(tcm({ faceToFaceVisitAt: at('2026-10-15') }))).toEqual(
      none('FACE_TO_FACE_BEFORE_DISCHARGE'),
    );
    expect(decideTcm(tcm({ medicalDecisionMaking: null }))).toEqual(none('MDM_BELOW_MODERATE'));
  });
});

describe('decideTcm: the interactive contact within two business days', () => {
  it.each([
    ['a contact on Tuesday (business day 2, over the weekend) is timely', [contact('2026-10-20')], true],
    ['a contact on Wednesday is late', [contact('2026-10-21')], false],
    [
      'two unsuccessful timely attempts are enough',
      [contact('2026-10-19', false), contact('2026-10-20', false)],
      true,
    ],
    ['one unsuccessful attempt is not', [contact('2026-10-19', false)], false],
    [
      'a successful contact that was not interactive (a letter) does not count alone',
      [contact('2026-10-19', true, false)],
      false,
    ],
    ['no contact at all', [], false],
  ] as const)('%s', (_name, attempts, bills) => {
    const decision = decideTcm(tcm({ contactAttempts: [...attempts] }));
    expect(decision.lines.length > 0).toBe(bills);
    if (!bills) expect(decision.reasons).toEqual(['NO_TIMELY_CONTACT']);
  });

  it('skips an observed federal holiday: a Thursday 2 July 2026 discharge has until Tuesday 7 July', () => {
    const july = (contactDate: string) =>
      decideTcm(
        tcm({
          discharge: { at: at('2026-07-02'), from: 'observation', to: 'home' },
          contactAttempts: [contact(contactDate)],
          faceToFaceVisitAt: at('2026-07-08'),
        }),
      );
    expect(july('2026-07-07').lines).toEqual([{ code: '99496', units: 1, dateOfService: '2026-07-08' }]);
    expect(july('2026-07-08').reasons).toEqual(['NO_TIMELY_CONTACT']);
  });
});

describe('decideTcm: setting, death and repeats', () => {
  it.each(['home', 'assisted-living', 'domiciliary'] as const)('bills a discharge to %s', (to) => {
    expect(
      decideTcm(tcm({ discharge: { at: at('2026-10-16', '14:00:00'), from: 'skilled-nursing', to } })).lines,
    ).toHaveLength(1);
  });

  it.each(['skilled-nursing', 'hospice', 'other-facility'] as const)('refuses a discharge to %s', (to) => {
    expect(
      decideTcm(tcm({ discharge: { at: at('2026-10-16', '14:00:00'), from: 'inpatient-acute', to } })),
    ).toEqual(none('NOT_COMMUNITY_SETTING'));
  });

  it('refuses a death on day 29 of the period and bills after day 30', () => {
    expect(decideTcm(tcm({ diedAt: at('2026-11-14') }))).toEqual(none('DIED_IN_PERIOD'));
    expect(decideTcm(tcm({ diedAt: at('2026-11-15') })).lines).toHaveLength(1);
  });

  it('bills a discharge once', () => {
    expect(decideTcm(tcm({ alreadyBilledForThisDischarge: true }))).toEqual(none('ALREADY_BILLED'));
  });
});

describe('decideTcm properties', () => {
  const dates = fc.integer({ min: -2, max: 35 }).map((d) => {
    const day = new Date(Date.UTC(2026, 9, 16 + d, 15));
    return day.toISOString().replace('.000', '');
  });
  const input = fc.record({
    contactAttempts: fc.array(fc.record({ at: dates, successful: fc.boolean(), interactive: fc.boolean() }), {
      maxLength: 3,
    }),
    faceToFaceVisitAt: fc.option(dates, { nil: null }),
    medicalDecisionMaking: fc.constantFrom(
      'straightforward' as const,
      'low' as const,
      'moderate' as const,
      'high' as const,
      null,
    ),
    diedAt: fc.option(dates, { nil: null }),
    alreadyBilledForThisDischarge: fc.boolean(),
  });

  it('bills at most one line, with reasons exactly when it bills none, and 99496 only for high MDM within 7 days', () => {
    fc.assert(
      fc.property(input, (overrides) => {
        const decision = decideTcm(tcm(overrides));
        expect(decision.lines.length).toBeLessThanOrEqual(1);
        expect(decision.lines.length === 0).toBe(decision.reasons.length > 0);
        const [billed] = decision.lines;
        if (billed?.code === '99496') {
          expect(overrides.medicalDecisionMaking).toBe('high');
          expect(billed.dateOfService <= '2026-10-23').toBe(true);
        }
        if (billed) expect(billed.dateOfService).toBe(overrides.faceToFaceVisitAt?.slice(0, 10));
      }),
    );
  });
});
