import { listEscalationsRoute } from '@carelink/contracts/api/outreach/alerts';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { listEscalations } from '../app/alerts';
import { runtime, stores } from '../runtime';

export const handler = httpHandler(runtime, listEscalationsRoute, async ({ params, query, principal }) =>
  ok({ items: await listEscalations(stores, principal, params.patientId, query.status) }),
);
