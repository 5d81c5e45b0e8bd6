import { instantFromEpochMs } from '@carelink/calendar';
import { scheduledHandler } from '@carelink/lambda-kit';
import { commitOrSkip } from '../app/commit';
import { releaseDeferred } from '../app/messages';
import { messageSender, runtime, stores } from '../runtime';

/** Every 15 minutes: sends the messages that were held back by quiet hours. */
export const handler = scheduledHandler(runtime, 'release-deferred-messages', async ({ scheduledTime }) => {
  const at = instantFromEpochMs(scheduledTime.getTime());
  let released = 0;
  for (const tenantId of await stores.practices.activeTenantIds()) {
    for (const commit of await releaseDeferred(stores, messageSender, tenantId, at))
      if (await commitOrSkip(runtime, tenantId, commit)) released += 1;
  }
  return { released };
});
