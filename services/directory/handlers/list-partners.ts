import { listPartnersRoute } from '@carelink/contracts/api/directory';
import {
  callerNamespace,
  decodeCursor,
  encodeCursor,
  httpHandler,
  ok,
  ValidationError,
} from '@carelink/lambda-kit';
import { partnerResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(directory.runtime, listPartnersRoute, async ({ query, principal }) => {
  const namespace = callerNamespace(principal);
  const startKey = decodeCursor(namespace, query.cursor);
  if (startKey === null)
    throw new ValidationError('The cursor is not valid', [{ path: 'query.cursor', code: 'invalid_cursor' }]);
  const page = await directory.directory.listPartners(startKey, query.limit);
  const nextCursor = encodeCursor(namespace, page.lastKey);
  return ok({ items: page.items.map(partnerResource), ...(nextCursor ? { nextCursor } : {}) });
});
