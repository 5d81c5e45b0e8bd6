import { CaseTaskChangedV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { runtime, stores } from '../runtime';

/** Keeps care-planning's open tasks on their assignee's worklist. */
export const handler = eventConsumer(runtime, {
  name: 'case-tasks',
  contracts: [CaseTaskChangedV1],
  handle: async ({ detail }) => ({
    writes: [stores.caseTasks.apply(detail.metadata.tenantId, detail.data)],
    events: [],
  }),
});
