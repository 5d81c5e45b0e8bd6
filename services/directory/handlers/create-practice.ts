import { createPracticeRoute } from '@carelink/contracts/api/directory/practices';
import { etag, httpHandler } from '@carelink/lambda-kit';
import { practiceResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(directory.runtime, createPracticeRoute, async ({ body, principal }) => {
  const { record, commit } = await directory.directory.createPractice(principal, body);
  return {
    status: 201,
    body: practiceResource(record),
    headers: { location: `/v1/directory/practices/${record.practiceId}`, etag: etag(record.version) },
    commit,
    auditTenantId: record.tenantId,
  };
});
