import { updateAgreementRoute } from '@carelink/contracts/api/directory/agreements';
import { etag, httpHandler } from '@carelink/lambda-kit';
import { agreementResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(
  directory.runtime,
  updateAgreementRoute,
  async ({ params, body, ifMatch }) => {
    const { record, commit } = await directory.directory.updateAgreement(params.agreementId, body, ifMatch);
    return { status: 200, body: agreementResource(record), headers: { etag: etag(record.version) }, commit };
  },
);
