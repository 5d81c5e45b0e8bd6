import type { Instant } from '@carelink/calendar';

/** `urgent` needs same-day clinical action; `high` needs review by the care team. */
export type RiskSeverity = 'urgent' | 'high';

/** What a risk flag is about. */
export type RiskFlagKind =
  | 'self-harm-risk'
  | 'interpersonal-safety'
  | 'hypertensive-crisis'
  | 'hypoglycemia'
  | 'hyperglycemia'
  | 'hypoxemia'
  | 'bradycardia'
  | 'tachycardia'
  | 'weight-gain-day'
  | 'weight-gain-week';

/**
 * A clinical signal raised from a screening or an observation. `code` is the LOINC code of what
 * was observed, so consumers can link the flag to the source without receiving the value itself.
 */
export interface RiskFlag {
  readonly kind: RiskFlagKind;
  readonly severity: RiskSeverity;
  readonly observedAt: Instant;
  readonly code: string;
}

/** LOINC codes used by outreach risk flags and screening results. */
export const LOINC = {
  phq9Total: '44261-6',
  phq9Item9: '44260-8',
  gad7Total: '70274-6',
  hrsnPanel: '96777-8',
  bloodPressurePanel: '85354-9',
  systolic: '8480-6',
  diastolic: '8462-4',
  glucose: '2339-0',
  bodyWeight: '29463-7',
  spo2: '59408-5',
  heartRate: '8867-4',
} as const;
