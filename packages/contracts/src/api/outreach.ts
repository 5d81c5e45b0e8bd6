import type { RouteContract } from '../route-contract';
import {
  acknowledgeEscalationRoute,
  acknowledgeRiskFlagRoute,
  listEscalationsRoute,
  listRiskFlagsRoute,
  resolveEscalationRoute,
  resolveRiskFlagRoute,
} from './outreach/alerts';
import {
  createCommunityReferralRoute,
  listCommunityReferralsRoute,
  listCommunityResourcesRoute,
  putCommunityResourceRoute,
  updateCommunityReferralStatusRoute,
} from './outreach/community';
import { logContactAttemptRoute } from './outreach/contacts';
import { listMessagesRoute, receiveInboundMessageRoute, sendMessageRoute } from './outreach/messages';
import { submitScreeningRoute } from './outreach/screenings';
import { cancelTaskRoute, completeTaskRoute, listPatientTasksRoute } from './outreach/tasks';
import { listTimeEntriesRoute, logTimeEntryRoute, voidTimeEntryRoute } from './outreach/time-entries';
import { putVitalsPolicyRoute, recordObservationRoute } from './outreach/vitals';
import { getOutreachWorklistRoute } from './outreach/worklist';

/**
 * The outreach API: the staff side of care management. Every route is for practice staff and scoped
 * to the caller's practice; a patient of another practice answers 404. Each area is its own module
 * so that a function bundles only the schemas of its route.
 */
export * from './outreach/alerts';
export * from './outreach/community';
export * from './outreach/contacts';
export * from './outreach/messages';
export * from './outreach/screenings';
export * from './outreach/tasks';
export * from './outreach/time-entries';
export * from './outreach/vitals';
export * from './outreach/worklist';

/** Routes served by the outreach service. */
export const outreachRoutes: readonly RouteContract[] = [
  listPatientTasksRoute,
  logContactAttemptRoute,
  sendMessageRoute,
  listMessagesRoute,
  receiveInboundMessageRoute,
  logTimeEntryRoute,
  voidTimeEntryRoute,
  listTimeEntriesRoute,
  submitScreeningRoute,
  recordObservationRoute,
  putVitalsPolicyRoute,
  putCommunityResourceRoute,
  listCommunityResourcesRoute,
  createCommunityReferralRoute,
  updateCommunityReferralStatusRoute,
  getOutreachWorklistRoute,
  listRiskFlagsRoute,
  acknowledgeRiskFlagRoute,
  resolveRiskFlagRoute,
  listEscalationsRoute,
  acknowledgeEscalationRoute,
  resolveEscalationRoute,
  completeTaskRoute,
  cancelTaskRoute,
  listCommunityReferralsRoute,
];
