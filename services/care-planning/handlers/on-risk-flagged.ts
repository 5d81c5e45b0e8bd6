import { RiskFlaggedV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { reviewRisk } from '../app/signals';
import { carePlanning } from '../runtime';

export const handler = eventConsumer(carePlanning.runtime, {
  name: 'risk-review',
  contracts: [RiskFlaggedV1],
  handle: async ({ detail }) => reviewRisk(carePlanning, detail),
});
