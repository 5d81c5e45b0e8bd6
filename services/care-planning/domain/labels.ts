import type { ResponsibleParty } from './care-plan';
import type { Program } from './program';
import type { SecondaryService } from './roster';

/** Plain-language names of the secondary services. */
export const SERVICE_LABELS: Readonly<Record<SecondaryService, string>> = {
  rehabilitation: 'Rehabilitation',
  'behavioral-health': 'Behavioral health',
  nutrition: 'Nutrition',
  pharmacy: 'Pharmacy',
  'social-work': 'Social work',
};

/** Plain-language names of the programs. */
export const PROGRAM_LABELS: Readonly<Record<Program, string>> = {
  ccm: 'Chronic care management',
  pcm: 'Principal care management',
  tcm: 'Transitional care management',
  'case-management': 'Case management',
};

/** Who is responsible, as a patient or outside clinician would say it. */
export const partyLabel = (party: ResponsibleParty): string =>
  party === 'primary' ? 'Your care manager' : `${SERVICE_LABELS[party]} team`;
