import { createPartnerRoute } from '@carelink/contracts/api/directory/partners';
import { etag, httpHandler } from '@carelink/lambda-kit';
import { partnerResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(directory.runtime, createPartnerRoute, async ({ body }) => {
  const { record, commit } = directory.directory.createPartner(body);
  return {
    status: 201,
    body: partnerResource(record),
    headers: { location: `/v1/directory/partners/${record.partnerId}`, etag: etag(record.version) },
    commit,
  };
});
