import { getAuditRoute } from '@carelink/contracts/api/billing/audit';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { staffScope } from '../app/staff-scope';
import { queries, runtime } from '../runtime';

export const handler = httpHandler(runtime, getAuditRoute, async ({ params, query, principal }) =>
  ok(await queries.audit(staffScope(principal), params.runId, query.limit, query.cursor)),
);
