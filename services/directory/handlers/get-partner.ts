import { getPartnerRoute } from '@carelink/contracts/api/directory/partners';
import { etag, httpHandler, ok } from '@carelink/lambda-kit';
import { partnerResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(directory.runtime, getPartnerRoute, async ({ params }) => {
  const record = await directory.directory.partner(params.partnerId);
  return ok(partnerResource(record), { etag: etag(record.version) });
});
