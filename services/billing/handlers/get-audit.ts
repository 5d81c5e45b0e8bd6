import { getAuditRoute } from '@carelink/contracts/api/billing';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { staffScope } from '../app/staff-scope';
import { billing, runtime } from '../runtime';

export const handler = httpHandler(runtime, getAuditRoute, async ({ params, query, principal }) =>
  ok(await billing.queries.audit(staffScope(principal), params.runId, query.limit, query.cursor)),
);
