import { EligibilityDeterminedV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { openCaseForDetermination } from '../app/open-case';
import { runtime } from '../runtime';

export const handler = eventConsumer(runtime, {
  name: 'open-case-on-eligibility',
  contracts: [EligibilityDeterminedV1],
  handle: async ({ detail }) => openCaseForDetermination(detail),
});
