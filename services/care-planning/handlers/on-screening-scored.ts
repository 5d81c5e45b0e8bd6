import { ScreeningScoredV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { recordScreening } from '../app/signals';
import { carePlanning } from '../runtime';

export const handler = eventConsumer(carePlanning.runtime, {
  name: 'screening-scores',
  contracts: [ScreeningScoredV1],
  handle: async ({ detail }) => recordScreening(carePlanning, detail),
});
