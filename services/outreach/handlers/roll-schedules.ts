import { instantFromEpochMs } from '@carelink/calendar';
import { scheduledHandler } from '@carelink/lambda-kit';
import { reconcileCase } from '../app/case-schedule';
import { commitOrSkip } from '../app/commit';
import { runtime, stores } from '../runtime';

/**
 * Daily: extends every open case's schedule so next month's tasks exist before the month starts.
 * Reconciliation is idempotent, so a retried or overlapping run creates nothing twice.
 */
export const handler = scheduledHandler(runtime, 'roll-outreach-schedules', async ({ scheduledTime }) => {
  const at = instantFromEpochMs(scheduledTime.getTime());
  let cases = 0;
  let changed = 0;
  for (const tenantId of await stores.practices.activeTenantIds()) {
    for (const ref of await stores.cases.openCases(tenantId)) {
      cases += 1;
      const commit = await reconcileCase(stores, tenantId, ref, undefined, at);
      if (commit && (await commitOrSkip(runtime, tenantId, commit))) changed += 1;
    }
  }
  return { cases, changed };
});
