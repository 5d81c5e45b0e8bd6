import { AccessRecordedV1 } from '@carelink/contracts';
import { DuplicateEventError, eventConsumer } from '@carelink/lambda-kit';
import { runtime, trail } from '../runtime';

/** Appends every recorded access to the trail, once per event. */
export const handler = eventConsumer(runtime, {
  name: 'access-trail',
  contracts: [AccessRecordedV1],
  handle: async ({ detail }) => ({
    writes: [
      {
        ...trail.append(detail.metadata, detail.data),
        // Already in the trail (a redelivery after its inbox marker expired): nothing to do.
        onConditionFailed: () => new DuplicateEventError('access already recorded'),
      },
    ],
    events: [],
  }),
});
