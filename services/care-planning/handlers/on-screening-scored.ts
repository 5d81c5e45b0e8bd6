import { ScreeningScoredV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { recordScreening } from '../app/signals';
import { runtime } from '../runtime';

export const handler = eventConsumer(runtime, {
  name: 'screening-scores',
  contracts: [ScreeningScoredV1],
  handle: async ({ detail }) => recordScreening(detail),
});
