import type { Instant } from '@carelink/calendar';
import type { CommunityResourceCategory } from './community-referrals';
import type { RiskFlag } from './risk-flags';

/** Screening instruments outreach staff administer. */
export type ScreeningInstrument = 'phq-9' | 'gad-7' | 'ahc-hrsn';

/** PHQ-9 depression severity bands. */
export type Phq9Band = 'none-minimal' | 'mild' | 'moderate' | 'moderately-severe' | 'severe';

/** GAD-7 anxiety severity bands. */
export type Gad7Band = 'minimal' | 'mild' | 'moderate' | 'severe';

/** Social-needs screen outcome: any positive domain means needs were identified. */
export type HrsnBand = 'no-needs-identified' | 'needs-identified';

/** The five core health-related social needs domains of the CMS Accountable Health Communities screen. */
export type HrsnDomain = 'housing' | 'food' | 'transportation' | 'utilities' | 'interpersonal-safety';

/** A community-resource referral the care team should offer because a social-needs domain screened positive. */
export interface ProposedReferral {
  readonly domain: HrsnDomain;
  readonly category: CommunityResourceCategory;
}

/** The scored outcome of a screening. It carries no item answers. */
export interface ScreeningResult<
  I extends ScreeningInstrument = ScreeningInstrument,
  B extends string = string,
> {
  readonly instrument: I;
  readonly score: number;
  readonly band: B;
  readonly riskFlags: readonly RiskFlag[];
  readonly proposedReferrals: readonly ProposedReferral[];
}

/** A completed screening as stored with its case. */
export interface CompletedScreening {
  readonly screeningId: string;
  readonly caseId: string;
  readonly completedAt: Instant;
  readonly result: ScreeningResult;
}
