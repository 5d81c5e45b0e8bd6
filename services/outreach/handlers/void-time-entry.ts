import { voidTimeEntryRoute } from '@carelink/contracts/api/outreach/time-entries';
import { httpHandler } from '@carelink/lambda-kit';
import { Temporal } from 'temporal-polyfill';
import { timeEntryView, voidEntry } from '../app/time-entries';
import { runtime, stores } from '../runtime';

export const handler = httpHandler(runtime, voidTimeEntryRoute, async ({ params, body, principal }) => {
  const now = Temporal.Instant.fromEpochMilliseconds(runtime.clock().getTime());
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
