import { tenantKey } from '@carelink/lambda-kit';

/** Sort keys order records by the time the request was answered, then by event id. */
const ACCESS = 'ACCESS#';
/** Sorts after any `#<event id>` suffix, so an upper bound of `<instant>` includes that instant. */
const AFTER_ANY_ID = '#~';

/**
 * The audit service's keys. Every partition starts with the tenant: the table by patient (or, when
 * no patient is known, one partition per record, reached through the subject index), the GSI by
 * the subject who made the request.
 */
export const keys = {
  patientTrail: (tenantId: string, patientId: string) => tenantKey(tenantId, 'AUDIT', 'PATIENT', patientId),
  /** A record without a patient stands alone in the table; it is listed by subject. */
  unattributed: (tenantId: string, eventId: string) => tenantKey(tenantId, 'AUDIT', 'REQUEST', eventId),
  subjectTrail: (tenantId: string, subject: string) => tenantKey(tenantId, 'AUDIT', 'SUBJECT', subject),
  accessSort: (at: string, eventId: string) => `${ACCESS}${at}#${eventId}`,
  /** Inclusive bounds of a time range on the sort key; open ends cover every record. */
  accessRange: (from: string | undefined, to: string | undefined) => ({
    lower: `${ACCESS}${from ?? ''}`,
    upper: to === undefined ? `${ACCESS}~` : `${ACCESS}${to}${AFTER_ANY_ID}`,
  }),
};
