import type { Instant } from '@carelink/calendar';
import * as z from 'zod/mini';
import { LOINC, type RiskFlag } from './risk-flags';
import type { Phq9Band, ScreeningResult } from './screening-types';
import { parseOrThrow } from './validation';

const ITEM = z.int().check(z.gte(0), z.lte(3));

/** Nine PHQ-9 item answers in questionnaire order, each 0 (not at all) to 3 (nearly every day). */
export const Phq9AnswersSchema = z.array(ITEM).check(z.length(9));

/** Validated PHQ-9 answers. */
export type Phq9Answers = z.infer<typeof Phq9AnswersSchema>;

const BANDS: ReadonlyArray<readonly [minimum: number, band: Phq9Band]> = [
  [20, 'severe'],
  [15, 'moderately-severe'],
  [10, 'moderate'],
  [5, 'mild'],
  [0, 'none-minimal'],
];

/** The PHQ-9 severity band of a total score (0-27). */
export function phq9Band(score: number): Phq9Band {
  for (const [minimum, band] of BANDS) if (score >= minimum) return band;
  return 'none-minimal';
}

/**
 * The urgent flag raised by item 9 (thoughts of self-harm). Exposed on its own so that a form can
 * raise it the moment item 9 is answered, before the rest of the questionnaire is complete.
 */
export function phq9Item9Flag(answer: number, observedAt: Instant): RiskFlag | undefined {
  parseOrThrow(ITEM, answer, 'PHQ-9 item 9 answer');
  if (answer === 0) return undefined;
  return { kind: 'self-harm-risk', severity: 'urgent', observedAt, code: LOINC.phq9Item9 };
}

/** Scores a completed PHQ-9. Any positive item 9 answer adds an urgent self-harm flag whatever the total. */
export function scorePhq9(answers: unknown, observedAt: Instant): ScreeningResult<'phq-9', Phq9Band> {
  const items = parseOrThrow(Phq9AnswersSchema, answers, 'PHQ-9 answers');
  const score = items.reduce((sum, item) => sum + item, 0);
  const flag = phq9Item9Flag(items[8] ?? 0, observedAt);
  return {
    instrument: 'phq-9',
    score,
    band: phq9Band(score),
    riskFlags: flag ? [flag] : [],
    proposedReferrals: [],
  };
}
