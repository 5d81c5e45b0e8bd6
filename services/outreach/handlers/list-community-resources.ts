import { listCommunityResourcesRoute } from '@carelink/contracts/api/outreach/community';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { listResources } from '../app/community';
import { runtime, stores } from '../runtime';

export const handler = httpHandler(runtime, listCommunityResourcesRoute, async ({ query, principal }) =>
  ok(await listResources(stores, principal, query)),
);
