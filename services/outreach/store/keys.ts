import { tenantKey } from '@carelink/lambda-kit';

/**
 * Key design of the outreach table. A patient's outreach record lives in one partition
 * (`T#<tenant>#PATIENT#<patientId>`), so every read for a request is one strongly consistent query.
 * `gsi1` routes open work to a staff member (`T#<tenant>#STAFF#<staffId>`); items leave the index by
 * dropping their gsi1 attributes once done.
 */
export const keys = {
  patient: (tenantId: string, patientId: string) => tenantKey(tenantId, 'PATIENT', patientId),
  staff: (tenantId: string, staffId: string) => tenantKey(tenantId, 'STAFF', staffId),
  /** Per-practitioner time index and lock, so overlap checks are race-safe across patients. */
  practitioner: (tenantId: string, practitionerId: string) =>
    tenantKey(tenantId, 'PRACTITIONER', practitionerId),
  /** Open cases of a tenant, walked by the daily schedule roll-forward. */
  openCases: (tenantId: string) => tenantKey(tenantId, 'OPEN-CASES'),
  /** Deferred messages of a tenant by release time. */
  deferredMessages: (tenantId: string) => tenantKey(tenantId, 'DEFERRED-MESSAGES'),
  resources: (tenantId: string) => tenantKey(tenantId, 'COMMUNITY-RESOURCES'),
  /** Re-pages of unacknowledged urgent flags by due time (`<instant>#<flagId>`). */
  pagesDue: (tenantId: string) => tenantKey(tenantId, 'PAGES-DUE'),
} as const;

export const sk = {
  profile: 'PROFILE',
  case: (caseId: string) => `CASE#${caseId}`,
  task: (taskId: string) => `TASK#${taskId}`,
  tasksOfCase: (caseId: string) => `TASK#task#${encodeURIComponent(caseId)}#`,
  contact: (caseId: string, contactId: string) => `CONTACT#${caseId}#${contactId}`,
  contactMonth: (caseId: string, month: string) => `CONTACT-MONTH#${caseId}#${month}`,
  escalation: (caseId: string, month: string) => `ESCALATION#${caseId}#${month}`,
  timeEntry: (entryId: string) => `TIME#${entryId}`,
  screening: (screeningId: string) => `SCREENING#${screeningId}`,
  observation: (observedAt: string, observationId: string) => `OBS#${observedAt}#${observationId}`,
  flag: (flagId: string) => `FLAG#${flagId}`,
  message: (messageId: string) => `MESSAGE#${messageId}`,
  consent: (channel: string) => `CONSENT#${channel}`,
  vitalsPolicy: 'VITALS-POLICY',
  communityReferral: (referralId: string) => `COMMUNITY-REFERRAL#${referralId}`,
  practitionerLock: 'LOCK',
  practitionerTime: (startedAt: string, entryId: string) => `TIME#${startedAt}#${entryId}`,
} as const;

/** Fixed-width UTC instants (millisecond precision) so sort keys order chronologically. */
export function sortableInstant(instant: string | { toString(): string }): string {
  return new Date(String(instant)).toISOString();
}
