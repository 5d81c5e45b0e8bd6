import { instantFromEpochMs } from '@carelink/calendar';
import { scheduledHandler } from '@carelink/lambda-kit';
import { commitOrSkip } from '../app/commit';
import { repageDue } from '../app/paging';
import { pager, runtime, stores } from '../runtime';

/** Every 5 minutes: pages the next on-call person for urgent flags unacknowledged for 30 minutes. */
export const handler = scheduledHandler(runtime, 'repage-on-call', async ({ scheduledTime }) => {
  const at = instantFromEpochMs(scheduledTime.getTime());
  let pages = 0;
  for (const tenantId of await stores.practices.activeTenantIds())
    for (const commit of await repageDue(stores, pager, tenantId, at))
      if (await commitOrSkip(runtime, tenantId, commit)) pages += 1;
  return { pages };
});
