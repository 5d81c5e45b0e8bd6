import { listPracticesRoute } from '@carelink/contracts/api/directory/practices';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { listPage } from '../app/paging';
import { practiceResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(directory.runtime, listPracticesRoute, async ({ query, principal }) =>
  ok(
    await listPage(
      principal,
      query,
      (startKey, limit) => directory.directory.listPractices(principal, startKey, limit),
      practiceResource,
    ),
  ),
);
