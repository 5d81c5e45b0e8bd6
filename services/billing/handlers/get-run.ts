import { getRunRoute } from '@carelink/contracts/api/billing';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { mapBillingError } from '../http/map-error';
import { runView, staffScope } from '../http/scope';
import { billing, runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  getRunRoute,
  async ({ params, principal }) =>
    ok(runView(await billing.queries.runFor(staffScope(principal), params.runId))),
  { mapError: mapBillingError },
);
