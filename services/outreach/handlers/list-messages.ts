import { listMessagesRoute } from '@carelink/contracts/api/outreach/messages';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { patientOfCaller } from '../app/access';
import { messageView } from '../app/views';
import { runtime, stores } from '../runtime';

export const handler = httpHandler(runtime, listMessagesRoute, async ({ params, principal }) => {
  await patientOfCaller(stores, principal, params.patientId);
  const messages = await stores.messages.ofPatient(principal.tenantId, params.patientId);
  return ok({ items: messages.map(messageView) });
});
