import { AccessRecordedV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { intake } from '../runtime';

/** Keeps each access to a patient's records for the partners who referred them. */
export const handler = eventConsumer(intake.runtime, {
  name: 'partner-access-log',
  contracts: [AccessRecordedV1],
  handle: async ({ detail }) => intake.accessLog.recorded(detail.metadata, detail.data),
});
