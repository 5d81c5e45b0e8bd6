import { eventConsumer } from '@carelink/lambda-kit';
import { timelineEvents } from '../app/timeline-events';
import { timeline } from '../runtime';

/** Keeps each patient's timeline from the events of the catalog it follows; each event applies once. */
export const handler = eventConsumer(timeline.runtime, {
  name: 'timeline',
  contracts: timelineEvents,
  handle: ({ contract, detail }) =>
    timeline.timeline.apply({
      detailType: contract.detailType,
      metadata: detail.metadata,
      data: detail.data as Record<string, unknown>,
    }),
});
