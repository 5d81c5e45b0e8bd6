import { resolveRiskFlagRoute } from '@carelink/contracts/api/outreach/alerts';
import { httpHandler } from '@carelink/lambda-kit';
import { riskFlagView, stepRiskFlag } from '../app/alerts';
import { now, runtime, stores } from '../runtime';

export const handler = httpHandler(runtime, resolveRiskFlagRoute, async ({ params, body, principal }) => {
  const { flag, commit } = await stepRiskFlag(stores, principal, params, { step: 'resolve', ...body }, now());
  return { status: 200, body: riskFlagView(flag), commit };
});
