import type { Instant } from '@carelink/calendar';
import * as z from 'zod/mini';
import type { CommunityResourceCategory } from './community-referrals';
import { LOINC, type RiskFlag } from './risk-flags';
import type { HrsnBand, HrsnDomain, ProposedReferral, ScreeningResult } from './screening-types';
import { parseOrThrow } from './validation';

const Frequency = z.enum(['often-true', 'sometimes-true', 'never-true']);
/** 1 = never, 2 = rarely, 3 = sometimes, 4 = fairly often, 5 = frequently. */
const SafetyFrequency = z.int().check(z.gte(1), z.lte(5));

/**
 * Answers to the core questions of the CMS Accountable Health Communities health-related social
 * needs screen, one field per question, recorded as codes rather than free text.
 */
export const HrsnAnswersSchema = z.strictObject({
  livingSituation: z.enum(['steady', 'steady-but-worried', 'no-steady-place']),
  housingProblems: z
    .array(
      z.enum(['pests', 'mold', 'lead', 'inadequate-heat', 'oven-or-stove', 'smoke-detectors', 'water-leaks']),
    )
    .check(z.maxLength(7)),
  foodWorry: Frequency,
  foodDidNotLast: Frequency,
  transportationKeptFromNeeds: z.boolean(),
  utilityShutOff: z.enum(['no', 'threatened', 'already-shut-off']),
  safety: z.strictObject({
    physicallyHurt: SafetyFrequency,
    insulted: SafetyFrequency,
    threatened: SafetyFrequency,
    screamedOrCursed: SafetyFrequency,
  }),
});

/** Validated social-needs answers. */
export type HrsnAnswers = z.infer<typeof HrsnAnswersSchema>;

/** The screen counts interpersonal safety as positive when the four frequencies sum to more than 10. */
const SAFETY_POSITIVE_ABOVE = 10;

const REFERRAL_CATEGORY: Readonly<Record<HrsnDomain, CommunityResourceCategory>> = {
  housing: 'housing-assistance',
  food: 'food-assistance',
  transportation: 'transportation-assistance',
  utilities: 'utility-assistance',
  'interpersonal-safety': 'interpersonal-safety-support',
};

function positiveDomains(answers: HrsnAnswers): HrsnDomain[] {
  const { safety } = answers;
  const safetyTotal = safety.physicallyHurt + safety.insulted + safety.threatened + safety.screamedOrCursed;
  const checks: ReadonlyArray<readonly [HrsnDomain, boolean]> = [
    ['housing', answers.livingSituation !== 'steady' || answers.housingProblems.length > 0],
    ['food', answers.foodWorry !== 'never-true' || answers.foodDidNotLast !== 'never-true'],
    ['transportation', answers.transportationKeptFromNeeds],
    ['utilities', answers.utilityShutOff !== 'no'],
    ['interpersonal-safety', safetyTotal > SAFETY_POSITIVE_ABOVE],
  ];
  return checks.filter(([, positive]) => positive).map(([domain]) => domain);
}

/**
 * Scores the social-needs screen. The score is the number of positive domains; each positive domain
 * proposes a referral category, and a positive interpersonal-safety domain also raises a high flag
 * because it may mean the patient is not safe at home.
 */
export function scoreHrsn(answers: unknown, observedAt: Instant): ScreeningResult<'ahc-hrsn', HrsnBand> {
  const domains = positiveDomains(parseOrThrow(HrsnAnswersSchema, answers, 'social-needs answers'));
  const proposedReferrals: ProposedReferral[] = domains.map((domain) => ({
    domain,
    category: REFERRAL_CATEGORY[domain],
  }));
  const riskFlags: RiskFlag[] = domains.includes('interpersonal-safety')
    ? [{ kind: 'interpersonal-safety', severity: 'high', observedAt, code: LOINC.hrsnPanel }]
    : [];
  return {
    instrument: 'ahc-hrsn',
    score: domains.length,
    band: domains.length > 0 ? 'needs-identified' : 'no-needs-identified',
    riskFlags,
    proposedReferrals,
  };
}
