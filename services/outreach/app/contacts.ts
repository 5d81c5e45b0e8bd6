import { compareInstants, type Instant, monthOf, parseInstant } from '@carelink/calendar';
import {
  type Commit,
  ConflictError,
  type EventDraft,
  type StateWrite,
  type TenantPrincipal,
  ValidationError,
} from '@carelink/lambda-kit';
import type { Stores } from '../compose';
import { outreachTaskId, recordContactAttempt } from '../domain';
import { patientOfCaller } from './access';
import { contactCompleted } from './events';
import { raiseFlag } from './risk';

export interface ContactAttemptRequest {
  channel: 'phone' | 'sms' | 'video';
  outcome: 'reached' | 'voicemail' | 'no-answer' | 'wrong-number' | 'declined';
  attemptedAt?: string | undefined;
}

/**
 * Logs an attempt on the patient's current case. The third failure of a month without a success
 * escalates to the primary once: a worklist escalation and a `contact-failure` flag. A success
 * completes the month's contact task (and the TCM interactive contact).
 */
export async function logContactAttempt(
  stores: Pick<Stores, 'cases' | 'contacts' | 'riskFlags'>,
  principal: TenantPrincipal,
  patientId: string,
  request: ContactAttemptRequest,
  ids: { contactId: string; flagId: string; now: Instant },
) {
  const patient = await patientOfCaller(stores, principal, patientId);
  const attemptedAt = request.attemptedAt ? parseInstant(request.attemptedAt) : ids.now;
  if (compareInstants(attemptedAt, ids.now) > 0)
    throw new ValidationError('A contact attempt cannot be in the future', [
      { path: 'attemptedAt', code: 'in_future' },
    ]);
  const month = monthOf(attemptedAt, patient.timeZone);
  const history = await stores.contacts.attemptsOfCase(principal.tenantId, patientId, patient.caseId);
  const inMonth = history.filter((a) => monthOf(a.attemptedAt, patient.timeZone) === month).length;
  const result = recordContactAttempt(
    {
      id: ids.contactId,
      caseId: patient.caseId,
      channel: request.channel,
      outcome: request.outcome,
      attemptedAt,
      performedBy: principal.subject,
    },
    {
      history,
      patientTimeZone: patient.timeZone,
      primaryCaseManagerId: patient.primaryStaffId,
      now: ids.now,
    },
  );
  const escalated = result.escalation !== undefined;
  const raced = () => new ConflictError('Another contact attempt was logged concurrently; retry');
  const writes: StateWrite[] = stores.contacts.record(
    principal.tenantId,
    patientId,
    { ...result.attempt, escalated },
    month,
    inMonth,
    raced,
  );
  const events: EventDraft[] = [
    contactCompleted({
      contactId: ids.contactId,
      caseId: patient.caseId,
      patientId,
      practiceId: patient.practiceId,
      channel: request.channel,
      outcome: request.outcome,
      attemptedAt: attemptedAt.toString(),
      staffId: principal.subject,
      escalated,
    }),
  ];
  if (result.escalation) {
    writes.push(
      stores.contacts.escalate(principal.tenantId, patientId, patient.practiceId, result.escalation),
    );
    const flag = raiseFlag(stores, principal.tenantId, patient, {
      flagId: ids.flagId,
      kind: 'contact-failure',
      severity: 'high',
      code: 'CONTACT_FAILED_THREE_TIMES',
      observedAt: attemptedAt.toString(),
      sourceId: result.escalation.id,
    });
    writes.push(flag.write);
    events.push(flag.event);
  }
  if (request.outcome === 'reached') {
    const tasks = await stores.cases.tasksOfCase(principal.tenantId, patientId, patient.caseId);
    const monthly = outreachTaskId(patient.caseId, 'monthly-contact', month);
    for (const task of tasks) {
      const completes = task.id === monthly || task.kind === 'tcm-interactive-contact';
      if (!completes || task.status !== 'open') continue;
      // A TCM contact after its two business days is kept as late: it does not meet the TCM rule.
      const late = compareInstants(attemptedAt, task.dueAt) >= 0;
      const closure = {
        by: principal.subject,
        at: attemptedAt.toString(),
        outcome: 'patient-reached',
        ...(late ? { late } : {}),
      };
      writes.push(stores.cases.closeTask(principal.tenantId, patientId, task.id, 'done', closure));
    }
  }
  return {
    view: {
      contactId: ids.contactId,
      caseId: patient.caseId,
      channel: request.channel,
      outcome: request.outcome,
      attemptedAt: attemptedAt.toString(),
      staffId: principal.subject,
      escalated,
    },
    commit: { writes, events } satisfies Commit,
  };
}
