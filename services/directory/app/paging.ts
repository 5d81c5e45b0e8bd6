import { callerKey, decodeCursor, encodeCursor, type Principal, ValidationError } from '@carelink/lambda-kit';
import type { Page } from '../store/directory-store';

/**
 * One page of a directory listing as the API answers it: the caller's cursor decoded (a cursor of
 * another caller or a tampered one is a 422), the items shown, and the next cursor bound to the caller.
 */
export async function listPage<T, R>(
  principal: Principal,
  query: { cursor?: string | undefined; limit: number },
  list: (startKey: Record<string, unknown> | undefined, limit: number) => Promise<Page<T>>,
  view: (item: T) => R,
): Promise<{ items: R[]; nextCursor?: string }> {
  const namespace = callerKey(principal);
  const startKey = decodeCursor(namespace, query.cursor);
  if (startKey === null)
    throw new ValidationError('The cursor is not valid', [{ path: 'query.cursor', code: 'invalid_cursor' }]);
  const page = await list(startKey, query.limit);
  const nextCursor = encodeCursor(namespace, page.lastKey);
  return { items: page.items.map(view), ...(nextCursor ? { nextCursor } : {}) };
}
