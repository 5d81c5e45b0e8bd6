import { createAgreementRoute } from '@carelink/contracts/api/directory/agreements';
import { etag, httpHandler } from '@carelink/lambda-kit';
import { agreementResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(directory.runtime, createAgreementRoute, async ({ body }) => {
  const { record, commit } = await directory.directory.createAgreement(body);
  return {
    status: 201,
    body: agreementResource(record),
    headers: { location: `/v1/directory/agreements/${record.agreementId}`, etag: etag(record.version) },
    commit,
    auditTenantId: record.tenantId,
  };
});
