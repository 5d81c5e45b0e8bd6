import { instantFromEpochMs } from '@carelink/calendar';
import { listTimeEntriesRoute } from '@carelink/contracts/api/outreach/time-entries';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { listEntries, timeEntryView } from '../app/time-entries';
import { runtime, stores } from '../runtime';

export const handler = httpHandler(runtime, listTimeEntriesRoute, async ({ params, query, principal }) => {
  const now = instantFromEpochMs(runtime.clock().getTime());
  const result = await listEntries(stores, principal, params.patientId, query.month, now);
  return ok({ month: result.month, items: result.items.map(timeEntryView), minutes: result.minutes });
});
