import type { OutboxMessage } from '../store/messages';

/** The API view of an outbox message. */
export function messageView(message: OutboxMessage) {
  return {
    messageId: message.messageId,
    channel: message.channel,
    template: message.template,
    body: message.body,
    status: message.status,
    ...(message.sendAfter ? { sendAfter: message.sendAfter } : {}),
    ...(message.sentAt ? { sentAt: message.sentAt } : {}),
    ...(message.blockedReason ? { blockedReason: message.blockedReason } : {}),
    createdAt: message.createdAt,
  };
}
