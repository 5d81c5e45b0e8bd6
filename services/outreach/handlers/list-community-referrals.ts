import { listCommunityReferralsRoute } from '@carelink/contracts/api/outreach/community';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { listReferrals } from '../app/community';
import { runtime, stores } from '../runtime';

export const handler = httpHandler(
  runtime,
  listCommunityReferralsRoute,
  async ({ params, query, principal }) =>
    ok({ items: await listReferrals(stores, principal, params.patientId, query.status) }),
);
