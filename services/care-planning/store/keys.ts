import { tenantKey } from '@carelink/lambda-kit';

/**
 * Key design of the care-planning table. Every partition key starts with the tenant.
 *
 * - Roster:      pk `T#<t>#PRACTICE#<p>#ROSTER`   sk `STAFF#<staffId>`
 * - Case:        pk `T#<t>#CASE#<caseId>`          sk `CASE` | `ASSESSMENT` | `PLAN` | `PLAN#DRAFT` |
 *                `PLAN#V#<000001>` | `TASK#<taskKey>`
 *   gsi1:        gsi1pk `T#<t>#PRACTICE#<p>#ASSIGNEE#<staffId|unassigned>`  gsi1sk `CASE#<caseId>`
 * - Referral:    pk `T#<t>#REFERRAL#<referralId>`  sk `CASE` (one case per referral, or its cancellation)
 * - Patient:     pk `T#<t>#PATIENT#<patientId>`    sk `CASE#<caseId>`
 * - Deadlines:   pk `T#<t>#ASSESSMENT-DUE`         sk `<dueDate>#<caseId>#<milestone>`
 * - Consents:    pk `T#<t>#PATIENT#<p>#CONSENTS`   sk `CONSENT#<consentId>` (projection of eligibility's)
 */
export const keys = {
  staff: (tenantId: string, practiceId: string, staffId: string) => ({
    pk: tenantKey(tenantId, 'PRACTICE', practiceId, 'ROSTER'),
    sk: `STAFF#${staffId}`,
  }),
  roster: (tenantId: string, practiceId: string) => tenantKey(tenantId, 'PRACTICE', practiceId, 'ROSTER'),
  casePk: (tenantId: string, caseId: string) => tenantKey(tenantId, 'CASE', caseId),
  case: (tenantId: string, caseId: string) => ({ pk: keys.casePk(tenantId, caseId), sk: 'CASE' }),
  assessment: (tenantId: string, caseId: string) => ({ pk: keys.casePk(tenantId, caseId), sk: 'ASSESSMENT' }),
  planHead: (tenantId: string, caseId: string) => ({ pk: keys.casePk(tenantId, caseId), sk: 'PLAN' }),
  planDraft: (tenantId: string, caseId: string) => ({ pk: keys.casePk(tenantId, caseId), sk: 'PLAN#DRAFT' }),
  planVersionPrefix: 'PLAN#V#',
  planVersion: (tenantId: string, caseId: string, version: number) => ({
    pk: keys.casePk(tenantId, caseId),
    sk: `PLAN#V#${String(version).padStart(6, '0')}`,
  }),
  taskPrefix: 'TASK#',
  task: (tenantId: string, caseId: string, taskKey: string) => ({
    pk: keys.casePk(tenantId, caseId),
    sk: `TASK#${taskKey}`,
  }),
  assignee: (tenantId: string, practiceId: string, staffId: string | undefined) =>
    tenantKey(tenantId, 'PRACTICE', practiceId, 'ASSIGNEE', staffId ?? 'unassigned'),
  referral: (tenantId: string, referralId: string) => ({
    pk: tenantKey(tenantId, 'REFERRAL', referralId),
    sk: 'CASE',
  }),
  patientPk: (tenantId: string, patientId: string) => tenantKey(tenantId, 'PATIENT', patientId),
  deadlinesPk: (tenantId: string) => tenantKey(tenantId, 'ASSESSMENT-DUE'),
  consentsPk: (tenantId: string, patientId: string) => tenantKey(tenantId, 'PATIENT', patientId, 'CONSENTS'),
  consent: (tenantId: string, patientId: string, consentId: string) => ({
    pk: keys.consentsPk(tenantId, patientId),
    sk: `CONSENT#${consentId}`,
  }),
  deadline: (tenantId: string, dueDate: string, caseId: string, milestone: string) => ({
    pk: keys.deadlinesPk(tenantId),
    sk: `${dueDate}#${caseId}#${milestone}`,
  }),
};
