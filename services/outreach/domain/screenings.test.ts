import { parseInstant } from '@carelink/calendar';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors';
import { gad7Band, scoreGad7 } from './gad7';
import { type HrsnAnswers, scoreHrsn } from './hrsn';
import { phq9Band, phq9Item9Flag, scorePhq9 } from './phq9';
import { completeScreening } from './screenings';

const at = parseInstant('2026-03-10T15:00:00Z');

/** Spreads `total` over the first `items - 1` items (each 0-3) and puts `last` on the final item. */
function answersFor(items: number, total: number, last = 0): number[] {
  const answers = new Array<number>(items).fill(0);
  answers[items - 1] = last;
  let remaining = total - last;
  for (let index = 0; index < items - 1 && remaining > 0; index += 1) {
    answers[index] = Math.min(3, remaining);
    remaining -= answers[index] ?? 0;
  }
  if (remaining !== 0) throw new Error('total not reachable');
  return answers;
}

describe('PHQ-9', () => {
  it.each([
    [0, 'none-minimal'],
    [4, 'none-minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately-severe'],
    [19, 'moderately-severe'],
    [20, 'severe'],
    [24, 'severe'],
  ] as const)('scores a total of %i as %s', (total, band) => {
    const result = scorePhq9(answersFor(9, total), at);
    expect(result.score).toBe(total);
    expect(result.band).toBe(band);
    expect(result.riskFlags).toEqual([]);
  });

  it('reaches the maximum of 27 as severe', () => {
    const result = scorePhq9(new Array(9).fill(3), at);
    expect(result).toMatchObject({ instrument: 'phq-9', score: 27, band: 'severe' });
  });

  it.each([1, 2, 3])(
    'raises an urgent self-harm flag when item 9 is %i, even with a minimal total',
    (item9) => {
      const result = scorePhq9(answersFor(9, item9, item9), at);
      expect(result.band).toBe('none-minimal');
      expect(result.riskFlags).toEqual([
        { kind: 'self-harm-risk', severity: 'urgent', observedAt: at, code: '44260-8' },
      ]);
    },
  );

  it('flags item 9 on its own, before the questionnaire is complete', () => {
    expect(phq9Item9Flag(2, at)?.severity).toBe('urgent');
    expect(phq9Item9Flag(0, at)).toBeUndefined();
  });

  it.each([
    ['too few items', [0, 0, 0]],
    ['too many items', new Array(10).fill(0)],
    ['an item above 3', [4, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['a negative item', [-1, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['a fractional item', [1.5, 0, 0, 0, 0, 0, 0, 0, 0]],
  ])('rejects %s', (_label, answers) => {
    expect(() => scorePhq9(answers, at)).toThrow(InvalidInputError);
  });

  it('scores the sum of the items and flags exactly when item 9 is positive', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 9, maxLength: 9 }), (answers) => {
        const result = scorePhq9(answers, at);
        expect(result.score).toBe(answers.reduce((sum, item) => sum + item, 0));
        expect(result.band).toBe(phq9Band(result.score));
        expect(result.riskFlags.length > 0).toBe((answers[8] ?? 0) > 0);
      }),
    );
  });
});

describe('GAD-7', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ] as const)('scores a total of %i as %s', (total, band) => {
    const result = scoreGad7(answersFor(7, total, Math.min(3, total)));
    expect(result).toMatchObject({ instrument: 'gad-7', score: total, band, riskFlags: [] });
  });

  it('rejects a questionnaire with a missing item', () => {
    expect(() => scoreGad7([0, 0, 0, 0, 0, 0])).toThrow(InvalidInputError);
  });

  it('keeps bands ordered as the score rises', () => {
    const order = ['minimal', 'mild', 'moderate', 'severe'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), (score) => {
        expect(order.indexOf(gad7Band(score + 1))).toBeGreaterThanOrEqual(order.indexOf(gad7Band(score)));
      }),
    );
  });
});

describe('social-needs screen', () => {
  const noNeeds: HrsnAnswers = {
    livingSituation: 'steady',
    housingProblems: [],
    foodWorry: 'never-true',
    foodDidNotLast: 'never-true',
    transportationKeptFromNeeds: false,
    utilityShutOff: 'no',
    safety: { physicallyHurt: 1, insulted: 1, threatened: 1, screamedOrCursed: 1 },
  };

  it('finds no needs when every domain is negative', () => {
    expect(scoreHrsn(noNeeds, at)).toEqual({
      instrument: 'ahc-hrsn',
      score: 0,
      band: 'no-needs-identified',
      riskFlags: [],
      proposedReferrals: [],
    });
  });

  it.each([
    ['housing', { livingSituation: 'steady-but-worried' }, 'housing-assistance'],
    ['housing', { housingProblems: ['mold'] }, 'housing-assistance'],
    ['food', { foodDidNotLast: 'sometimes-true' }, 'food-assistance'],
    ['transportation', { transportationKeptFromNeeds: true }, 'transportation-assistance'],
    ['utilities', { utilityShutOff: 'already-shut-off' }, 'utility-assistance'],
  ] as const)('proposes a referral when %s screens positive (%o)', (domain, change, category) => {
    const result = scoreHrsn({ ...noNeeds, ...change }, at);
    expect(result.band).toBe('needs-identified');
    expect(result.score).toBe(1);
    expect(result.proposedReferrals).toEqual([{ domain, category }]);
  });

  it.each([
    [10, false],
    [11, true],
  ])('treats a safety total of %i as positive: %s', (total, positive) => {
    const safety = { physicallyHurt: 2, insulted: 3, threatened: 2, screamedOrCursed: total - 7 };
    const result = scoreHrsn({ ...noNeeds, safety }, at);
    expect(result.proposedReferrals.some((referral) => referral.domain === 'interpersonal-safety')).toBe(
      positive,
    );
    expect(result.riskFlags.map((flag) => flag.kind)).toEqual(positive ? ['interpersonal-safety'] : []);
  });

  it('counts each positive domain once in the score', () => {
    const result = scoreHrsn(
      {
        ...noNeeds,
        livingSituation: 'no-steady-place',
        housingProblems: ['pests', 'lead'],
        foodWorry: 'often-true',
        foodDidNotLast: 'often-true',
      },
      at,
    );
    expect(result.score).toBe(2);
    expect(result.proposedReferrals.map((referral) => referral.domain)).toEqual(['housing', 'food']);
  });

  it('rejects unknown fields so free text cannot ride along', () => {
    expect(() => scoreHrsn({ ...noNeeds, comment: 'anything' }, at)).toThrow(InvalidInputError);
  });
});

describe('completed screening event', () => {
  it('carries scores, bands and flags but never the answers', () => {
    const answers = [3, 2, 1, 0, 3, 2, 1, 0, 2];
    const { screening, events } = completeScreening({
      screeningId: 'scr-1',
      caseId: 'case-1',
      instrument: 'phq-9',
      answers,
      completedAt: at,
    });
    const [event] = events;
    expect(event).toMatchObject({ type: 'ScreeningCompleted', score: 14, band: 'moderate' });
    expect(event.riskFlags).toEqual([
      { kind: 'self-harm-risk', severity: 'urgent', code: '44260-8', observedAt: at.toString() },
    ]);
    expect(JSON.stringify(event)).not.toContain('answers');
    expect(JSON.stringify(event)).not.toContain(JSON.stringify(answers));
    expect(Object.keys(screening)).not.toContain('answers');
  });
});
