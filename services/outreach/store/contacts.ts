import { parseInstant } from '@carelink/calendar';
import type { StateWrite } from '@carelink/lambda-kit';
import type { AlertState, ContactAttempt, Escalation } from '../domain';
import { alertStateOf, alertTransition } from './alerts';
import { keys, sk } from './keys';
import type { Table } from './table';

/** Contact attempts of a case, the per-month attempt counter and escalations. */
export function createContactStore(table: Table) {
  async function attemptsOfCase(
    tenantId: string,
    patientId: string,
    caseId: string,
  ): Promise<ContactAttempt[]> {
    const items = await table.queryPrefix(keys.patient(tenantId, patientId), `CONTACT#${caseId}#`);
    return items.map((item) => ({
      id: item.contactId as string,
      caseId: item.caseId as string,
      channel: item.channel as ContactAttempt['channel'],
      outcome: item.outcome as ContactAttempt['outcome'],
      attemptedAt: parseInstant(item.attemptedAt as string),
      performedBy: item.staffId as string,
    }));
  }

  async function escalationsOfPatient(tenantId: string, patientId: string): Promise<EscalationRecord[]> {
    const items = await table.queryPrefix(keys.patient(tenantId, patientId), 'ESCALATION#');
    return items.map((item) => ({ ...toEscalation(item), ...alertStateOf(item) }));
  }

  function transitionEscalation(
    tenantId: string,
    patientId: string,
    escalation: EscalationRecord,
    next: AlertState,
  ): StateWrite {
    const key = {
      pk: keys.patient(tenantId, patientId),
      sk: sk.escalation(escalation.caseId, escalation.month),
    };
    return alertTransition(table, key, escalation.status, next);
  }

  /**
   * The attempt, plus a counter of the case's attempts in the month checked against the count the
   * decision was made on: two concurrent attempts cannot both see "two failures so far".
   */
  function record(
    tenantId: string,
    patientId: string,
    attempt: ContactAttempt & { escalated: boolean },
    month: string,
    attemptsSeen: number,
    onRace: () => Error,
  ): StateWrite[] {
    const pk = keys.patient(tenantId, patientId);
    return [
      {
        Update: {
          TableName: table.name,
          Key: { pk, sk: sk.contactMonth(attempt.caseId, month) },
          UpdateExpression: 'SET attempts = :next',
          ConditionExpression: 'attribute_not_exists(attempts) OR attempts = :seen',
          ExpressionAttributeValues: { ':next': attemptsSeen + 1, ':seen': attemptsSeen },
        },
        onConditionFailed: onRace,
      },
      {
        Put: {
          TableName: table.name,
          Item: {
            pk,
            sk: sk.contact(attempt.caseId, attempt.id),
            kind: 'contact-attempt',
            contactId: attempt.id,
            caseId: attempt.caseId,
            patientId,
            channel: attempt.channel,
            outcome: attempt.outcome,
            attemptedAt: attempt.attemptedAt.toString(),
            staffId: attempt.performedBy,
            escalated: attempt.escalated,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
  }

  /** An escalation exists once per case and month (its key is the case and month). */
  function escalate(
    tenantId: string,
    patientId: string,
    practiceId: string,
    escalation: Escalation,
  ): StateWrite {
    return {
      Put: {
        TableName: table.name,
        Item: {
          pk: keys.patient(tenantId, patientId),
          sk: sk.escalation(escalation.caseId, escalation.month),
          kind: 'escalation',
          escalationId: escalation.id,
          caseId: escalation.caseId,
          patientId,
          practiceId,
          month: escalation.month,
          assigneeId: escalation.assigneeId,
          failedAttempts: escalation.failedAttempts,
          raisedAt: escalation.raisedAt.toString(),
          status: 'open',
          gsi1pk: keys.staff(tenantId, escalation.assigneeId),
          gsi1sk: `ESCALATION#${escalation.raisedAt.toString()}`,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  return { attemptsOfCase, escalationsOfPatient, transitionEscalation, record, escalate };
}

/** An escalation with where it stands. */
export type EscalationRecord = Escalation & AlertState;

export type ContactStore = ReturnType<typeof createContactStore>;

export function toEscalation(item: Record<string, unknown>): Escalation {
  return {
    id: item.escalationId as string,
    caseId: item.caseId as string,
    reason: 'unreachable',
    month: item.month as string,
    assigneeId: item.assigneeId as string,
    failedAttempts: item.failedAttempts as number,
    raisedAt: parseInstant(item.raisedAt as string),
  };
}
