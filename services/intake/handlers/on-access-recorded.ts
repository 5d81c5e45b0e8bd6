import { AccessRecordedV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { accessLog, runtime } from '../runtime';

/** Keeps each access to a patient's records for the partners who referred them. */
export const handler = eventConsumer(runtime, {
  name: 'partner-access-log',
  contracts: [AccessRecordedV1],
  handle: async ({ detail }) => accessLog.recorded(detail.metadata, detail.data),
});
