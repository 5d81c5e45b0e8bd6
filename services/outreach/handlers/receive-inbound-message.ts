import { receiveInboundMessageRoute } from '@carelink/contracts/api/outreach/messages';
import { httpHandler } from '@carelink/lambda-kit';
import { receiveReply } from '../app/messages';
import { now, runtime, stores } from '../runtime';

export const handler = httpHandler(
  runtime,
  receiveInboundMessageRoute,
  async ({ params, body, principal }) => {
    const { consent, commit } = await receiveReply(stores, principal, params.patientId, body, now());
    return { status: 200, body: { channel: body.channel, consent }, ...(commit ? { commit } : {}) };
  },
);
