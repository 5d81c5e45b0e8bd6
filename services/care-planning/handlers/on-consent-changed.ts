import { ConsentRecordedV1, ConsentRevokedV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { onConsentChanged } from '../app/cancellation';
import { carePlanning } from '../runtime';

export const handler = eventConsumer(carePlanning.runtime, {
  name: 'consents',
  contracts: [ConsentRecordedV1, ConsentRevokedV1],
  handle: async (event) =>
    event.contract === ConsentRevokedV1
      ? onConsentChanged(carePlanning, event.detail, true)
      : onConsentChanged(carePlanning, event.detail, false),
});
