import { CommunityReferralStatusChangedV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { communityLoop, runtime } from '../runtime';

/** Tells the referring partner each step of its member's community referrals. */
export const handler = eventConsumer(runtime, {
  name: 'community-loop',
  contracts: [CommunityReferralStatusChangedV1],
  handle: ({ detail }) => communityLoop.changed(detail.metadata, detail.data),
});
