import { GetCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { type PracticeChangedData, PracticeChangedV1 } from '@carelink/contracts';
import { eventConsumer } from '../events/event-consumer';
import { tenantKey } from '../keys';
import type { ServiceRuntime } from '../runtime';
import { putIfNewer } from './newer-version';

/** A practice as the directory last described it: what services need to schedule, message and bill. */
export type PracticeFacts = PracticeChangedData;

/** The NPI a practice bills care management under: its first billing practitioner's, else its group NPI. */
export const billingNpiOf = (practice: PracticeFacts): string =>
  practice.billingPractitioners[0]?.npi ?? practice.npi;

const LISTING = 'DIRECTORY#PRACTICES';
const key = (tenantId: string, practiceId: string) => ({
  pk: tenantKey(tenantId, 'PRACTICE', practiceId),
  sk: 'DIRECTORY',
});
const STORAGE = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'kind']);
const facts = (item: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !STORAGE.has(name))) as PracticeFacts;

/**
 * A service's own projection of the directory's practices, kept in its table from
 * `PracticeChanged`: the newest version of each practice wins, so repeats and reordering change
 * nothing. Lookups are cached briefly per container (a practice changes rarely; a change is seen
 * within `cacheMs`).
 */
export function createPracticeDirectory(runtime: ServiceRuntime, options: { cacheMs?: number } = {}) {
  const cacheMs = options.cacheMs ?? 30_000;
  const cache = new Map<string, { practice: PracticeFacts; until: number }>();

  async function listAll(): Promise<PracticeFacts[]> {
    const practices: PracticeFacts[] = [];
    const pages = paginateQuery(
      { client: runtime.db },
      {
        TableName: runtime.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': LISTING },
      },
    );
    for await (const page of pages) practices.push(...(page.Items ?? []).map(facts));
    return practices;
  }

  return {
    /** Keeps the practice unless the projection already holds this version or a newer one. */
    async apply(practice: PracticeFacts): Promise<boolean> {
      const applied = await putIfNewer(runtime, {
        ...key(practice.tenantId, practice.practiceId),
        gsi1pk: LISTING,
        gsi1sk: `${practice.tenantId}#${practice.practiceId}`,
        kind: 'directory-practice',
        ...practice,
      });
      if (applied) cache.delete(`${practice.tenantId}#${practice.practiceId}`);
      return applied;
    },

    /** The tenant's practice, or undefined when it has none by that id (another tenant's included). */
    async practiceOf(tenantId: string, practiceId: string): Promise<PracticeFacts | undefined> {
      const cacheKey = `${tenantId}#${practiceId}`;
      const cached = cache.get(cacheKey);
      if (cached && cached.until > Date.now()) return cached.practice;
      const { Item } = await runtime.db.send(
        new GetCommand({ TableName: runtime.tableName, Key: key(tenantId, practiceId) }),
      );
      if (!Item) return undefined;
      const practice = facts(Item);
      cache.set(cacheKey, { practice, until: Date.now() + cacheMs });
      return practice;
    },

    /** Every active practice, for schedules that run per practice. */
    async activePractices(): Promise<PracticeFacts[]> {
      return (await listAll()).filter((practice) => practice.status === 'active');
    },

    /** Every tenant with an active practice, for schedules that run per tenant. */
    async activeTenantIds(): Promise<string[]> {
      return [...new Set((await listAll()).filter((p) => p.status === 'active').map((p) => p.tenantId))];
    },
  };
}

export type PracticeDirectory = ReturnType<typeof createPracticeDirectory>;

/** The consumer that keeps a service's practice projection: subscribe it to `PracticeChanged`. */
export function practiceProjectionConsumer(runtime: ServiceRuntime, practices: PracticeDirectory) {
  return eventConsumer(runtime, {
    name: 'practice-directory',
    contracts: [PracticeChangedV1],
    handle: async ({ detail }) => {
      const applied = await practices.apply(detail.data);
      if (!applied)
        runtime.logger.info('older practice version ignored', { practiceId: detail.data.practiceId });
      return undefined;
    },
  });
}
