import { getSummaryRoute } from '@carelink/contracts/api/billing';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { mapBillingError } from '../http/map-error';
import { staffScope } from '../http/scope';
import { billing, runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  getSummaryRoute,
  async ({ params, principal }) => ok(await billing.queries.summary(staffScope(principal), params.runId)),
  { mapError: mapBillingError },
);
