/**
 * Code lists the API accepts, as plain values with no schema library: the contracts build their
 * enums from them, and the console offers them without shipping schemas to the browser.
 */

/** The services a secondary case manager offers. */
export const secondaryServices = [
  'rehabilitation',
  'behavioral-health',
  'nutrition',
  'pharmacy',
  'social-work',
] as const;

/** Kinds of care-plan intervention; outreach turns each into tasks. */
export const interventionKinds = [
  'medication-refill',
  'appointment',
  'transport',
  'education',
  'community-resource',
  'screening',
  'other',
] as const;

/** How an outreach task was finished. */
export const taskOutcomes = [
  'done',
  'patient-reached',
  'scheduled',
  'information-given',
  'refill-requested',
  'transport-arranged',
  'not-needed',
] as const;

/** How a risk flag or an escalation was closed. */
export const alertResolutions = [
  'clinically-addressed',
  'referred-to-emergency-care',
  'care-plan-updated',
  'patient-reached',
  'false-alarm',
  'duplicate',
  'case-closed',
] as const;
