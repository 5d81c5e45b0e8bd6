import { getAgreementRoute } from '@carelink/contracts/api/directory/agreements';
import { etag, httpHandler, ok } from '@carelink/lambda-kit';
import { agreementResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(directory.runtime, getAgreementRoute, async ({ params }) => {
  const record = await directory.directory.agreement(params.agreementId);
  return ok(agreementResource(record), { etag: etag(record.version) });
});
