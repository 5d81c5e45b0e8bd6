import { getReferralAccessLogRoute } from '@carelink/contracts/api/intake';
import { callerKey, decodeCursor, encodeCursor, httpHandler, ok } from '@carelink/lambda-kit';
import { intake } from '../runtime';

export const handler = httpHandler(
  intake.runtime,
  getReferralAccessLogRoute,
  async ({ params, query, principal }) => {
    const { referral, items, lastKey } = await intake.accessLog.of(principal.partnerId, params.referralId, {
      limit: query.limit,
      startKey: decodeCursor(callerKey(principal), query.cursor) ?? undefined,
    });
    const nextCursor = encodeCursor(callerKey(principal), lastKey);
    return {
      ...ok({ items, ...(nextCursor ? { nextCursor } : {}) }),
      auditPatientId: referral.patientId,
      auditTenantId: referral.tenantId,
    };
  },
);
