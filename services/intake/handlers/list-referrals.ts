import { listReferralsRoute } from '@carelink/contracts/api/intake';
import { callerNamespace, decodeCursor, encodeCursor, httpHandler, ok } from '@carelink/lambda-kit';
import { referralSummary } from '../app/views';
import { intake } from '../runtime';

export const handler = httpHandler(intake.runtime, listReferralsRoute, async ({ query, principal }) => {
  const { cursor, ...filters } = query;
  const page = await intake.referrals.list(principal.partnerId, {
    ...filters,
    startKey: decodeCursor(callerNamespace(principal), cursor),
  });
  const nextCursor = encodeCursor(callerNamespace(principal), page.lastKey);
  return ok({ items: page.items.map(referralSummary), ...(nextCursor ? { nextCursor } : {}) });
});
