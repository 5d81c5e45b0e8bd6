import { getReferralAccessLogRoute } from '@carelink/contracts/api/intake/access-log';
import { callerKey, decodeCursor, encodeCursor, httpHandler, ok } from '@carelink/lambda-kit';
import { accessLog, runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  getReferralAccessLogRoute,
  async ({ params, query, principal }) => {
    const { referral, items, lastKey } = await accessLog.of(principal.partnerId, params.referralId, {
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
