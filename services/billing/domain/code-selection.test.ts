import { describe, expect, it } from 'vitest';
import { bestOption, familyOption, NOTHING } from './code-selection';
import { COMPLEX_CCM, type CodeFamily, PHYSICIAN_CCM, PHYSICIAN_PCM, STAFF_CCM, STAFF_PCM } from './codes';
import { expectedRevenueCents } from './fee-schedule';

type Case = [string, CodeFamily, number, Array<[string, number]>];

describe('familyOption', () => {
  it.each<Case>([
    ['99490 at 19', STAFF_CCM, 19, []],
    ['99490 at 20', STAFF_CCM, 20, [['99490', 1]]],
    [
      '99439 at 60',
      STAFF_CCM,
      60,
      [
        ['99439', 2],
        ['99490', 1],
      ],
    ],
    [
      '99439 cap at 100',
      STAFF_CCM,
      100,
      [
        ['99439', 2],
        ['99490', 1],
      ],
    ],
    ['99491 at 29', PHYSICIAN_CCM, 29, []],
    ['99491 at 30', PHYSICIAN_CCM, 30, [['99491', 1]]],
    ['99491 at 31', PHYSICIAN_CCM, 31, [['99491', 1]]],
    ['99437 at 59', PHYSICIAN_CCM, 59, [['99491', 1]]],
    [
      '99437 at 60',
      PHYSICIAN_CCM,
      60,
      [
        ['99437', 1],
        ['99491', 1],
      ],
    ],
    [
      '99437 at 61',
      PHYSICIAN_CCM,
      61,
      [
        ['99437', 1],
        ['99491', 1],
      ],
    ],
    [
      '99437 cap at 120',
      PHYSICIAN_CCM,
      120,
      [
        ['99437', 1],
        ['99491', 1],
      ],
    ],
    ['99487 at 59', COMPLEX_CCM, 59, []],
    ['99487 at 60', COMPLEX_CCM, 60, [['99487', 1]]],
    ['99489 at 89', COMPLEX_CCM, 89, [['99487', 1]]],
    [
      '99489 at 90',
      COMPLEX_CCM,
      90,
      [
        ['99487', 1],
        ['99489', 1],
      ],
    ],
    [
      '99489 at 91',
      COMPLEX_CCM,
      91,
      [
        ['99487', 1],
        ['99489', 1],
      ],
    ],
    [
      '99489 uncapped at 240',
      COMPLEX_CCM,
      240,
      [
        ['99487', 1],
        ['99489', 6],
      ],
    ],
    ['99424 at 29', PHYSICIAN_PCM, 29, []],
    [
      '99425 at 60',
      PHYSICIAN_PCM,
      60,
      [
        ['99424', 1],
        ['99425', 1],
      ],
    ],
    ['99426 at 30', STAFF_PCM, 30, [['99426', 1]]],
    ['99427 at 59', STAFF_PCM, 59, [['99426', 1]]],
    [
      '99427 at 60',
      STAFF_PCM,
      60,
      [
        ['99426', 1],
        ['99427', 1],
      ],
    ],
  ])('%s minutes', (_name, family, minutes, expected) => {
    const option = familyOption(family, minutes);
    expect(option.lines).toEqual(expected.map(([code, units]) => ({ code, units })));
    expect(option.revenueCents).toBe(expectedRevenueCents(option.lines));
  });
});

describe('bestOption', () => {
  it('picks the highest revenue and keeps the first on a tie', () => {
    const a = familyOption(STAFF_CCM, 20);
    const b = familyOption(STAFF_CCM, 20);
    const c = familyOption(STAFF_CCM, 40);
    expect(bestOption([a, c, b])).toBe(c);
    expect(bestOption([a, b])).toBe(a);
  });

  it('returns nothing when no option bills', () => {
    expect(bestOption([NOTHING, familyOption(STAFF_CCM, 5)])).toBe(NOTHING);
  });
});
