import { EligibilityDeterminedV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { openCaseForDetermination } from '../app/open-case';
import { carePlanning } from '../runtime';

export const handler = eventConsumer(carePlanning.runtime, {
  name: 'open-case-on-eligibility',
  contracts: [EligibilityDeterminedV1],
  handle: async ({ detail }) => openCaseForDetermination(carePlanning, detail),
});
