import type { ServiceManifest } from '@carelink/contracts';
import { auditManifest } from './audit/manifest';
import { billingManifest } from './billing/manifest';
import { carePlanningManifest } from './care-planning/manifest';
import { directoryManifest } from './directory/manifest';
import { eligibilityManifest } from './eligibility/manifest';
import { intakeManifest } from './intake/manifest';
import { outreachManifest } from './outreach/manifest';
import { timelineManifest } from './timeline/manifest';

/**
 * Every deployed service. Infra and the local cloud iterate over this list and nothing else, so a
 * service exists in both as soon as its manifest is added here.
 */
export const serviceManifests: readonly ServiceManifest[] = [
  directoryManifest,
  intakeManifest,
  eligibilityManifest,
  carePlanningManifest,
  outreachManifest,
  billingManifest,
  auditManifest,
  timelineManifest,
];
