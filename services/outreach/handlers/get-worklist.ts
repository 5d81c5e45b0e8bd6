import { getOutreachWorklistRoute } from '@carelink/contracts/api/outreach/worklist';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { worklistOf } from '../app/worklist';
import { now, runtime, stores } from '../runtime';

export const handler = httpHandler(runtime, getOutreachWorklistRoute, async ({ principal }) =>
  ok(await worklistOf(stores, principal, now())),
);
