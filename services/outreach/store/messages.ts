import type { ReminderKind } from '@carelink/contracts/api/outreach/messages';
import type { StateWrite } from '@carelink/lambda-kit';
import type * as z from 'zod/mini';
import { keys, sk } from './keys';
import type { Item, Table } from './table';

export type MessageChannel = 'sms' | 'email';

/** A reminder in the message outbox: sent, deferred past quiet hours, or blocked by an opt-out. */
export interface OutboxMessage {
  readonly messageId: string;
  readonly patientId: string;
  readonly channel: MessageChannel;
  readonly template: z.infer<typeof ReminderKind>;
  readonly body: string;
  readonly status: 'sent' | 'deferred' | 'blocked';
  readonly sendAfter?: string;
  readonly sentAt?: string;
  readonly blockedReason?: 'opted-out' | 'case-closed';
  readonly createdAt: string;
  readonly createdBy: string;
}

function toMessage(item: Item): OutboxMessage {
  const { pk: _pk, sk: _sk, kind: _kind, gsi1pk: _g1, gsi1sk: _g2, ...message } = item;
  return message as unknown as OutboxMessage;
}

/** Messages and per-channel consent of a patient. */
export function createMessageStore(table: Table) {
  async function ofPatient(tenantId: string, patientId: string): Promise<OutboxMessage[]> {
    const items = await table.queryPrefix(keys.patient(tenantId, patientId), 'MESSAGE#');
    return items.map(toMessage).reverse();
  }

  /** Deferred messages of a tenant due at `now` or earlier. */
  async function dueDeferred(tenantId: string, now: string): Promise<OutboxMessage[]> {
    const items = await table.queryIndexPrefix(keys.deferredMessages(tenantId), '');
    return items.filter((item) => (item.sendAfter as string) <= now).map(toMessage);
  }

  function put(tenantId: string, message: OutboxMessage): StateWrite {
    return {
      Put: {
        TableName: table.name,
        Item: {
          pk: keys.patient(tenantId, message.patientId),
          sk: sk.message(message.messageId),
          kind: 'message',
          ...message,
          ...(message.status === 'deferred'
            ? {
                gsi1pk: keys.deferredMessages(tenantId),
                gsi1sk: `${message.sendAfter}#${message.messageId}`,
              }
            : {}),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** Marks a deferred message sent (once) and takes it off the deferred index. */
  function markSent(tenantId: string, message: OutboxMessage, sentAt: string): StateWrite {
    return {
      Update: {
        TableName: table.name,
        Key: { pk: keys.patient(tenantId, message.patientId), sk: sk.message(message.messageId) },
        UpdateExpression: 'SET #status = :sent, sentAt = :at REMOVE gsi1pk, gsi1sk',
        ConditionExpression: '#status = :deferred',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':at': sentAt, ':deferred': 'deferred' },
      },
    };
  }

  /** Marks a deferred message blocked: the patient opted out, or the case closed, before it went. */
  function markBlocked(
    tenantId: string,
    message: OutboxMessage,
    reason: NonNullable<OutboxMessage['blockedReason']> = 'opted-out',
  ): StateWrite {
    return {
      Update: {
        TableName: table.name,
        Key: { pk: keys.patient(tenantId, message.patientId), sk: sk.message(message.messageId) },
        UpdateExpression: 'SET #status = :blocked, blockedReason = :reason REMOVE gsi1pk, gsi1sk',
        ConditionExpression: '#status = :deferred',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':blocked': 'blocked', ':reason': reason, ':deferred': 'deferred' },
      },
    };
  }

  async function consent(
    tenantId: string,
    patientId: string,
    channel: MessageChannel,
  ): Promise<'opted-in' | 'opted-out'> {
    const item = await table.get(keys.patient(tenantId, patientId), sk.consent(channel));
    return item?.status === 'opted-out' ? 'opted-out' : 'opted-in';
  }

  function putConsent(
    tenantId: string,
    patientId: string,
    channel: MessageChannel,
    status: 'opted-in' | 'opted-out',
    at: string,
  ): StateWrite {
    return {
      Put: {
        TableName: table.name,
        Item: {
          pk: keys.patient(tenantId, patientId),
          sk: sk.consent(channel),
          kind: 'consent',
          status,
          changedAt: at,
        },
      },
    };
  }

  return { ofPatient, dueDeferred, put, markSent, markBlocked, consent, putConsent };
}

export type MessageStore = ReturnType<typeof createMessageStore>;
