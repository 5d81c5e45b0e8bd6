import { putCommunityResourceRoute } from '@carelink/contracts/api/outreach/community';
import { httpHandler } from '@carelink/lambda-kit';
import { putResource } from '../app/community';
import { now, runtime, stores } from '../runtime';

export const handler = httpHandler(
  runtime,
  putCommunityResourceRoute,
  async ({ params, body, principal }) => {
    const resource = { ...body, resourceId: params.resourceId };
    return { status: 200, body: resource, commit: putResource(stores, principal, resource, now()) };
  },
);
