import { listRiskFlagsRoute } from '@carelink/contracts/api/outreach/alerts';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { listRiskFlags } from '../app/alerts';
import { runtime, stores } from '../runtime';

export const handler = httpHandler(runtime, listRiskFlagsRoute, async ({ params, query, principal }) =>
  ok({ items: await listRiskFlags(stores, principal, params.patientId, query.status) }),
);
