import type { StateWrite } from '@carelink/lambda-kit';
import type { MessageStore, OutboxMessage } from '../store/messages';

/**
 * The port SMS and email leave through. A sender turns a decided message into the writes that
 * record it; delivery to a carrier happens from the recorded outbox, so a message is recorded and
 * handed over exactly once with the rest of the change.
 */
export interface MessageSender {
  /** Records a message to send now, later (deferred) or never (blocked). */
  enqueue(tenantId: string, message: OutboxMessage): StateWrite;
  /** Hands over a deferred message whose quiet hours are over. */
  release(tenantId: string, message: OutboxMessage, at: string): StateWrite;
}

/**
 * The local and test implementation: messages stay in the service table as an inspectable outbox
 * (listed by `GET /v1/patients/{patientId}/messages`) instead of reaching a carrier.
 */
export class LocalOutboxMessageSender implements MessageSender {
  constructor(private readonly messages: MessageStore) {}

  enqueue(tenantId: string, message: OutboxMessage): StateWrite {
    return this.messages.put(tenantId, message);
  }

  release(tenantId: string, message: OutboxMessage, at: string): StateWrite {
    return this.messages.markSent(tenantId, message, at);
  }
}
