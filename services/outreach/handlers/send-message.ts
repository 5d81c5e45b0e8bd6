import { sendMessageRoute } from '@carelink/contracts/api/outreach/messages';
import { created, httpHandler } from '@carelink/lambda-kit';
import { sendReminder } from '../app/messages';
import { messageView } from '../app/views';
import { messageSender, now, runtime, stores } from '../runtime';

export const handler = httpHandler(runtime, sendMessageRoute, async ({ params, body, principal }) => {
  const { message, commit } = await sendReminder(stores, messageSender, principal, params.patientId, body, {
    messageId: runtime.newId(),
    now: now(),
  });
  return created(
    `/v1/patients/${params.patientId}/messages/${message.messageId}`,
    messageView(message),
    commit,
  );
});
