import { RiskFlaggedV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { pageOnRiskFlagged } from '../app/paging';
import { now, pager, runtime, stores } from '../runtime';

/** Pages the on-call person for each new urgent flag. */
export const handler = eventConsumer(runtime, {
  name: 'on-call-paging',
  contracts: [RiskFlaggedV1],
  handle: (event) => pageOnRiskFlagged(stores, pager, event.detail, now()),
});
