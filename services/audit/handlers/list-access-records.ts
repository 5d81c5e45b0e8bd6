import { listAccessRecordsRoute } from '@carelink/contracts/api/audit';
import { decodeCursor, httpHandler, ok } from '@carelink/lambda-kit';
import { accessPageResource } from '../app/views';
import { audit } from '../runtime';

export const handler = httpHandler(audit.runtime, listAccessRecordsRoute, async ({ query, principal }) => {
  // Tenant and practice come from the token only.
  const viewer = { tenantId: principal.tenantId, practiceId: principal.practiceId };
  const { cursor, ...filters } = query;
  const page = await audit.accessTrail.list(viewer, {
    ...filters,
    startKey: decodeCursor(principal.tenantId, cursor),
  });
  return ok(accessPageResource(principal.tenantId, page));
});
