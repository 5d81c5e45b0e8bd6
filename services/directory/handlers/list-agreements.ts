import { listAgreementsRoute } from '@carelink/contracts/api/directory/agreements';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { listPage } from '../app/paging';
import { agreementResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(directory.runtime, listAgreementsRoute, async ({ query, principal }) =>
  ok(
    await listPage(
      principal,
      query,
      (startKey, limit) => directory.directory.listAgreements(query.partnerId, startKey, limit),
      agreementResource,
    ),
  ),
);
