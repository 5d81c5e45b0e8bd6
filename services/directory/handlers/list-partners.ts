import { listPartnersRoute } from '@carelink/contracts/api/directory/partners';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { listPage } from '../app/paging';
import { partnerResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(directory.runtime, listPartnersRoute, async ({ query, principal }) =>
  ok(
    await listPage(
      principal,
      query,
      (startKey, limit) => directory.directory.listPartners(startKey, limit),
      partnerResource,
    ),
  ),
);
