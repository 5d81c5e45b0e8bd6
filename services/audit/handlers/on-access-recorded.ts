import { AccessRecordedV1 } from '@carelink/contracts';
import { DuplicateEventError, eventConsumer } from '@carelink/lambda-kit';
import { audit } from '../runtime';

/** Appends every recorded access to the trail, once per event. */
export const handler = eventConsumer(audit.runtime, {
  name: 'access-trail',
  contracts: [AccessRecordedV1],
  handle: async ({ detail }) => ({
    // Already in the trail (a redelivery after its inbox marker expired): nothing to do.
    writes: [
      audit.accessTrail.record(
        detail.metadata,
        detail.data,
        () => new DuplicateEventError('access already recorded'),
      ),
    ],
    events: [],
  }),
});
