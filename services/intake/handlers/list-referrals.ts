import { listReferralsRoute } from '@carelink/contracts/api/intake';
import { decodeCursor, encodeCursor, httpHandler, ok, ValidationError } from '@carelink/lambda-kit';
import { mapIntakeError } from '../http-errors';
import { referralSummary } from '../presenters';
import { referrals, runtime } from '../runtime';
import { isStartKeyOf, keys } from '../store/keys';

export const handler = httpHandler(
  runtime,
  listReferralsRoute,
  async ({ query, principal }) => {
    const startKey = decodeCursor(principal.tenantId, query.cursor);
    const partition = { attribute: 'gsi1pk', value: keys.referralsByUpdate(principal.tenantId) };
    if (
      startKey === null ||
      (startKey && !isStartKeyOf(startKey, partition, ['pk', 'sk', 'gsi1pk', 'gsi1sk']))
    )
      throw new ValidationError('The cursor is not valid', [
        { path: 'query.cursor', code: 'invalid_cursor' },
      ]);
    const page = await referrals.list(principal.tenantId, {
      status: query.status,
      updatedSince: query.updatedSince ? new Date(query.updatedSince).toISOString() : undefined,
      startKey,
      limit: query.limit,
    });
    const nextCursor = encodeCursor(principal.tenantId, page.lastKey);
    return ok({ items: page.items.map(referralSummary), ...(nextCursor ? { nextCursor } : {}) });
  },
  { mapError: mapIntakeError },
);
