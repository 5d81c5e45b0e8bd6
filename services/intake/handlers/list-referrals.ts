import { listReferralsRoute } from '@carelink/contracts/api/intake/referrals';
import { callerKey, decodeCursor, encodeCursor, httpHandler, ok } from '@carelink/lambda-kit';
import { referralSummary } from '../app/views';
import { referrals, runtime } from '../runtime';

export const handler = httpHandler(runtime, listReferralsRoute, async ({ query, principal }) => {
  const { cursor, ...filters } = query;
  const page = await referrals.list(principal.partnerId, {
    ...filters,
    startKey: decodeCursor(callerKey(principal), cursor),
  });
  const nextCursor = encodeCursor(callerKey(principal), page.lastKey);
  return ok({ items: page.items.map(referralSummary), ...(nextCursor ? { nextCursor } : {}) });
});
