import { instantFromEpochMs } from '@carelink/calendar';
import { logTimeEntryRoute } from '@carelink/contracts/api/outreach/time-entries';
import { created, httpHandler } from '@carelink/lambda-kit';
import { logTimeEntry, timeEntryLocation, timeEntryView } from '../app/time-entries';
import { runtime, stores } from '../runtime';

export const handler = httpHandler(runtime, logTimeEntryRoute, async ({ params, body, principal }) => {
  const now = instantFromEpochMs(runtime.clock().getTime());
  const { entry, commit } = await logTimeEntry(stores, principal, params.patientId, body, {
    id: runtime.newId(),
    now,
  });
  return created(timeEntryLocation(params.patientId, entry.id), timeEntryView(entry), commit);
});
