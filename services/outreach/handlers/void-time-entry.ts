import { instantFromEpochMs } from '@carelink/calendar';
import { voidTimeEntryRoute } from '@carelink/contracts/api/outreach/time-entries';
import { httpHandler } from '@carelink/lambda-kit';
import { timeEntryView, voidEntry } from '../app/time-entries';
import { runtime, stores } from '../runtime';

export const handler = httpHandler(runtime, voidTimeEntryRoute, async ({ params, body, principal }) => {
  const now = instantFromEpochMs(runtime.clock().getTime());
  const { entry, commit } = await voidEntry(
    stores,
    principal,
    params.patientId,
    params.entryId,
    body.reason,
    now,
  );
  return { status: 200, body: timeEntryView(entry), commit };
});
