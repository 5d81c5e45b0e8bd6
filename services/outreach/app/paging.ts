import type { Instant } from '@carelink/calendar';
import type { EventDetail, RiskFlaggedV1 } from '@carelink/contracts';
import type { Commit } from '@carelink/lambda-kit';
import type { OnCallPager } from '../adapters/on-call-pager';
import type { Stores } from '../compose';
import { pageOf, pageRecipients, pageSubject } from '../domain';
import { sortableInstant } from '../store/keys';
import type { PageState, RiskFlagRecord } from '../store/risk-flags';

type PagingStores = Pick<Stores, 'riskFlags' | 'practices'>;

/**
 * Sends page `attempt` of an open urgent flag and returns the commit that records it. The page goes
 * out before the record is written: a crash in between pages again on the retry (at least once),
 * never zero times.
 */
async function sendPage(
  stores: PagingStores,
  pager: OnCallPager,
  tenantId: string,
  flag: RiskFlagRecord & { page?: PageState },
  now: Instant,
): Promise<Commit> {
  const practice = await stores.practices.practiceOf(tenantId, flag.practiceId);
  const recipients = pageRecipients(practice?.onCall ?? [], flag.assigneeId);
  const attempt = (flag.page?.attempt ?? 0) + 1;
  const { to, nextAt } = pageOf(recipients, attempt, now);
  await pager.page({
    to,
    subject: pageSubject(flag.code, attempt),
    tenantId,
    practiceId: flag.practiceId,
    patientId: flag.patientId,
    flagId: flag.flagId,
    attempt,
  });
  const page: PageState = { attempt, lastTo: to, ...(nextAt ? { nextAt: sortableInstant(nextAt) } : {}) };
  return { writes: stores.riskFlags.recordPage(tenantId, flag, flag.page, page), events: [] };
}

/** An urgent flag pages the practice's on-call person at once; other flags wait on the worklist. */
export async function pageOnRiskFlagged(
  stores: PagingStores,
  pager: OnCallPager,
  detail: EventDetail<typeof RiskFlaggedV1>,
  now: Instant,
): Promise<Commit | undefined> {
  if (detail.data.severity !== 'urgent') return undefined;
  const { tenantId } = detail.metadata;
  const flag = await stores.riskFlags.get(tenantId, detail.data.patientId, detail.data.flagId);
  // Acknowledged before the event arrived, or paged by an earlier delivery: nothing to send.
  if (flag?.status !== 'open' || flag.page) return undefined;
  return sendPage(stores, pager, tenantId, flag, now);
}

/**
 * Pages the next on-call person for every urgent flag of the tenant nobody acknowledged within
 * 30 minutes of its last page. A flag acknowledged or resolved meanwhile only loses its due entry.
 */
export async function repageDue(
  stores: PagingStores,
  pager: OnCallPager,
  tenantId: string,
  now: Instant,
): Promise<Commit[]> {
  const commits: Commit[] = [];
  for (const due of await stores.riskFlags.duePages(tenantId, sortableInstant(now))) {
    const flag = await stores.riskFlags.get(tenantId, due.patientId, due.flagId);
    if (flag?.status !== 'open' || flag.page?.nextAt !== due.dueAt) {
      commits.push({ writes: [stores.riskFlags.dropDue(tenantId, due.dueAt, due.flagId)], events: [] });
      continue;
    }
    commits.push(await sendPage(stores, pager, tenantId, flag, now));
  }
  return commits;
}
