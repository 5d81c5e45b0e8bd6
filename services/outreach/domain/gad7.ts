import * as z from 'zod/mini';
import type { Gad7Band, ScreeningResult } from './screening-types';
import { parseOrThrow } from './validation';

/** Seven GAD-7 item answers in questionnaire order, each 0 (not at all) to 3 (nearly every day). */
export const Gad7AnswersSchema = z.array(z.int().check(z.gte(0), z.lte(3))).check(z.length(7));

/** Validated GAD-7 answers. */
export type Gad7Answers = z.infer<typeof Gad7AnswersSchema>;

const BANDS: ReadonlyArray<readonly [minimum: number, band: Gad7Band]> = [
  [15, 'severe'],
  [10, 'moderate'],
  [5, 'mild'],
  [0, 'minimal'],
];

/** The GAD-7 severity band of a total score (0-21). */
export function gad7Band(score: number): Gad7Band {
  for (const [minimum, band] of BANDS) if (score >= minimum) return band;
  return 'minimal';
}

/** Scores a completed GAD-7. */
export function scoreGad7(answers: unknown): ScreeningResult<'gad-7', Gad7Band> {
  const items = parseOrThrow(Gad7AnswersSchema, answers, 'GAD-7 answers');
  const score = items.reduce((sum, item) => sum + item, 0);
  return { instrument: 'gad-7', score, band: gad7Band(score), riskFlags: [], proposedReferrals: [] };
}
