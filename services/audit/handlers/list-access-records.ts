import { listAccessRecordsRoute } from '@carelink/contracts/api/audit';
import { decodeCursor, encodeCursor, httpHandler, ok, ValidationError } from '@carelink/lambda-kit';
import type { AuditViewer } from '../domain/viewer';
import { runtime, trail } from '../runtime';

const invalidCursor = () =>
  new ValidationError('The cursor is not valid', [{ path: 'query.cursor', code: 'invalid_cursor' }]);

const utc = (instant: string | undefined) =>
  instant === undefined ? undefined : new Date(instant).toISOString();

export const handler = httpHandler(runtime, listAccessRecordsRoute, async ({ query, principal }) => {
  // Tenant and practice come from the token only.
  const viewer: AuditViewer = { tenantId: principal.tenantId, practiceId: principal.practiceId };
  const partition = trail.partitionOf(viewer, query);
  const startKey = decodeCursor(principal.tenantId, query.cursor);
  if (
    startKey === null ||
    (startKey &&
      (startKey[partition.attribute] !== partition.value ||
        typeof startKey.pk !== 'string' ||
        typeof startKey.sk !== 'string'))
  )
    throw invalidCursor();
  const page = await trail.list(viewer, {
    patientId: query.patientId,
    subject: query.subject,
    from: utc(query.from),
    to: utc(query.to),
    startKey,
    limit: query.limit,
  });
  const nextCursor = encodeCursor(principal.tenantId, page.lastKey);
  return ok({ items: page.items, ...(nextCursor ? { nextCursor } : {}) });
});
