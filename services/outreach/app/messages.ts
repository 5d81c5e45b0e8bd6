import type { Instant } from '@carelink/calendar';
import { type Commit, requirePractice, type TenantPrincipal } from '@carelink/lambda-kit';
import type { MessageSender } from '../adapters/message-sender';
import type { Stores } from '../compose';
import { applyInboundReply, decideTextMessage, type ReminderKind, renderReminder } from '../domain';
import type { MessageChannel, OutboxMessage } from '../store/messages';
import { patientOfCaller } from './access';

/**
 * Sends a reminder. It names the practice and its callback number only, nothing clinical. An
 * opted-out channel blocks it (recorded, not sent); quiet hours in the patient's zone defer it.
 */
export async function sendReminder(
  stores: Pick<Stores, 'cases' | 'messages' | 'practices'>,
  sender: MessageSender,
  principal: TenantPrincipal,
  patientId: string,
  request: { channel: MessageChannel; template: ReminderKind },
  ids: { messageId: string; now: Instant },
): Promise<{ message: OutboxMessage; commit: Commit }> {
  const patient = await patientOfCaller(stores, principal, patientId);
  const practice = await stores.practices.practiceOf(principal.tenantId, requirePractice(principal));
  const body = renderReminder(request.template, {
    practiceName: practice?.name ?? 'your care team',
    callbackNumber: practice?.callbackNumber ?? '',
  });
  const consent = await stores.messages.consent(principal.tenantId, patientId, request.channel);
  const decision = decideTextMessage(ids.now, { caseId: patient.caseId, status: consent }, patient.timeZone);
  const at = ids.now.toString();
  const message: OutboxMessage = {
    messageId: ids.messageId,
    patientId,
    channel: request.channel,
    template: request.template,
    body,
    createdAt: at,
    createdBy: principal.subject,
    ...(decision.kind === 'send-now'
      ? { status: 'sent', sentAt: at }
      : decision.kind === 'defer'
        ? { status: 'deferred', sendAfter: decision.until.toString() }
        : { status: 'blocked', blockedReason: 'opted-out' }),
  };
  return { message, commit: { writes: [sender.enqueue(principal.tenantId, message)], events: [] } };
}

/** Applies a patient's reply: exactly STOP (and the like) opts the channel out, START back in. */
export async function receiveReply(
  stores: Pick<Stores, 'cases' | 'messages'>,
  principal: TenantPrincipal,
  patientId: string,
  request: { channel: MessageChannel; text: string },
  now: Instant,
): Promise<{ consent: 'opted-in' | 'opted-out'; commit?: Commit }> {
  const patient = await patientOfCaller(stores, principal, patientId);
  const status = await stores.messages.consent(principal.tenantId, patientId, request.channel);
  const result = applyInboundReply({ caseId: patient.caseId, status }, request.text, now);
  if (result.events.length === 0) return { consent: status };
  return {
    consent: result.consent.status,
    commit: {
      writes: [
        stores.messages.putConsent(
          principal.tenantId,
          patientId,
          request.channel,
          result.consent.status,
          now.toString(),
        ),
      ],
      events: [],
    },
  };
}

/** Hands over a tenant's deferred messages whose quiet hours are over; opted-out ones are blocked. */
/** Whether the patient's current case is closed: its queued reminders are not sent. */
async function caseClosed(
  stores: Pick<Stores, 'cases'>,
  tenantId: string,
  patientId: string,
): Promise<boolean> {
  const profile = await stores.cases.profile(tenantId, patientId);
  if (!profile) return false;
  return (await stores.cases.caseOf(tenantId, patientId, profile.caseId))?.projection.closed ?? false;
}

export async function releaseDeferred(
  stores: Pick<Stores, 'messages' | 'cases'>,
  sender: MessageSender,
  tenantId: string,
  now: Instant,
): Promise<Commit[]> {
  const due = await stores.messages.dueDeferred(tenantId, now.toString());
  const commits: Commit[] = [];
  for (const message of due) {
    const consent = await stores.messages.consent(tenantId, message.patientId, message.channel);
    const closed = await caseClosed(stores, tenantId, message.patientId);
    commits.push({
      writes: [
        closed
          ? stores.messages.markBlocked(tenantId, message, 'case-closed')
          : consent === 'opted-out'
            ? stores.messages.markBlocked(tenantId, message)
            : sender.release(tenantId, message, now.toString()),
      ],
      events: [],
    });
  }
  return commits;
}
