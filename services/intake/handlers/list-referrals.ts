import { listReferralsRoute } from '@carelink/contracts/api/intake';
import { decodeCursor, encodeCursor, httpHandler, ok } from '@carelink/lambda-kit';
import { referralSummary } from '../app/views';
import { intake } from '../runtime';

export const handler = httpHandler(intake.runtime, listReferralsRoute, async ({ query, principal }) => {
  const { cursor, ...filters } = query;
  const page = await intake.referrals.list(principal.tenantId, {
    ...filters,
    startKey: decodeCursor(principal.tenantId, cursor),
  });
  const nextCursor = encodeCursor(principal.tenantId, page.lastKey);
  return ok({ items: page.items.map(referralSummary), ...(nextCursor ? { nextCursor } : {}) });
});
