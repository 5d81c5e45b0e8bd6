import { updatePartnerRoute } from '@carelink/contracts/api/directory/partners';
import { etag, httpHandler } from '@carelink/lambda-kit';
import { partnerResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(
  directory.runtime,
  updatePartnerRoute,
  async ({ params, body, ifMatch }) => {
    const { record, commit } = await directory.directory.updatePartner(params.partnerId, body, ifMatch);
    return { status: 200, body: partnerResource(record), headers: { etag: etag(record.version) }, commit };
  },
);
