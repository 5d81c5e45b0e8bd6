import { paginateScan } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '@carelink/lambda-kit';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../packages/local/src/cloud';
import { type ApiClient, apiClient, type HttpMethod } from '../../packages/local/src/testing/api-client';
import { serviceManifests } from '../../services/manifests';
import { member, startJourneyCloud } from '../journeys/ccm-journey';
import { ok } from './answers';
import { distinctiveLeaves, type MalformedCase, malformedCases } from './malformed';
import { callerFor, exampleOf, fillPath, manifestRoutes, manifestSubscriptions } from './manifest-routes';
import { openWork } from './open-work';

const TENANT = 'acme-health';
const WORLD = { tenantId: TENANT, partnerId: 'northwind-health' };
/** Every generated case derives from this seed (FUZZ_SEED overrides, to explore or to replay). */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_101);
const CASES_PER_ROUTE = 40;
const CASES_PER_SUBSCRIPTION = 20;
const CONCURRENCY = 4;

let cloud: LocalCloud;
const ids = new Map<string, string>();
const clients = new Map<string, ApiClient>();

async function as(clientId: string): Promise<ApiClient> {
  let client = clients.get(clientId);
  if (!client) {
    client = await apiClient(cloud, clientId);
    clients.set(clientId, client);
  }
  return client;
}

/** State items of every service table but the audit trail (which records every request by design). */
async function stateItems(): Promise<Map<string, string>> {
  const db = createDocumentClient();
  const items = new Map<string, string>();
  try {
    for (const manifest of serviceManifests) {
      if (manifest.name === 'audit') continue;
      const pages = paginateScan({ client: db }, { TableName: cloud.tableName(manifest.name) });
      for await (const page of pages) {
        for (const item of page.Items ?? []) {
          const sk = String(item.sk);
          if (item.kind === 'outbox' || sk === 'IDEMPOTENCY' || sk.startsWith('INBOX#')) continue;
          items.set(`${manifest.name} ${String(item.pk)} ${sk}`, JSON.stringify(item));
        }
      }
    }
  } finally {
    db.destroy();
  }
  return items;
}

let before: Map<string, string>;

/**
 * A short set-up of real resources of one tenant, so that every path names something that exists
 * and a malformed body is the only thing wrong with a request.
 */
beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'CRITICAL';
  cloud = await startJourneyCloud();
  cloud.setClock(new Date('2026-10-01T13:00:00Z'));
  const partner = await as(WORLD.partnerId);
  const careManager = await as('staff-boston-care-manager');
  const clinicalStaff = await as('staff-boston-clinical-staff');
  const staffAdmin = await as('staff-boston-staff-admin');

  const referral = ok<{ id: string }>(
    await partner.send('POST', '/v1/referrals', {
      externalReferralId: `ACME-FUZZ-${Date.now()}`,
      member,
      coverage: { payerId: 'acme-medicare', planType: 'medicare', startDate: '2026-01-01' },
      reason: { type: 'chronic-care', description: 'Diabetes, heart failure and CKD' },
      diagnoses: [{ code: 'E11.9' }, { code: 'I50.22' }, { code: 'N18.30' }],
      requestedPrograms: ['ccm'],
      priority: 'routine',
      utilization: { admissions6m: 1, edVisits6m: 1 },
      attributedPractitioner: { npi: '1234567893', lastVisitDate: '2026-06-15' },
    }),
    201,
    'referral',
  );
  let patientId = '';
  for (let i = 0; i < 40 && !patientId; i++) {
    await cloud.settle();
    const read = ok<{ status: string; patientId: string }>(
      await partner.send('GET', `/v1/referrals/${referral.id}`),
      200,
      'read referral',
    );
    if (read.status === 'enrolled') patientId = read.patientId;
  }
  if (!patientId) throw new Error('the referral was not enrolled');
  const cases = ok<{ items: { caseId: string; referralId: string }[] }>(
    await careManager.send('GET', '/v1/cases?assignee=me'),
    200,
    'cases',
  );
  const caseId = cases.items.find((c) => c.referralId === referral.id)?.caseId;
  if (!caseId) throw new Error('no case for the referral');
  const consent = ok<{ consentId: string }>(
    await careManager.send('POST', `/v1/patients/${patientId}/consents`, {
      program: 'ccm',
      method: 'verbal',
      obtainedAt: '2026-10-01T12:30:00Z',
      obtainedBy: 'staff-boston-care-manager',
      billingPractitionerNpi: '1234567893',
      rightToStopAnyTime: true,
      onlyOnePractitionerBillsPerMonth: true,
      costSharingExplained: true,
    }),
    201,
    'consent',
  );
  cloud.setClock(new Date('2026-10-20T15:00:00Z'));
  const entry = ok<{ timeEntryId: string }>(
    await clinicalStaff.send('POST', `/v1/patients/${patientId}/time-entries`, {
      program: 'ccm',
      performer: 'clinical-staff',
      practitionerId: 'staff-boston-clinical-staff',
      startedAt: '2026-10-06T14:00:00Z',
      minutes: 25,
      activity: 'care-coordination',
    }),
    201,
    'time entry',
  );
  const resourceId = 'fuzz-pantry';
  ok(
    await careManager.send('PUT', `/v1/community-resources/${resourceId}`, {
      name: 'Fuzz Pantry',
      category: 'food-assistance',
    }),
    200,
    'community resource',
  );
  const communityReferral = ok<{ referralId: string }>(
    await careManager.send('POST', `/v1/patients/${patientId}/community-referrals`, { resourceId }),
    201,
    'community referral',
  );
  const staffId = 'staff-boston-fuzz-1';
  ok(
    await staffAdmin.send('PUT', `/v1/roster/staff/${staffId}`, {
      role: 'care-manager',
      services: [],
      skills: ['ccm'],
      languages: ['en'],
      capacity: 10,
      active: true,
    }),
    200,
    'roster entry',
  );
  const work = await openWork(careManager, { patientId, caseId }, () => cloud.settle());
  // Nothing listens here: deliveries fail and are retried, which the fuzzing does not wait for.
  const webhook = ok<{ id: string }>(
    await partner.send('POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/fuzz-hooks' }),
    201,
    'webhook',
  );
  await cloud.settle();

  ids.set('referralId', referral.id);
  ids.set('flagId', work.flagId);
  ids.set('escalationId', work.escalationId);
  ids.set('taskId', work.taskId);
  ids.set('taskKey', work.taskKey);
  ids.set('webhookId', webhook.id);
  ids.set('community-referrals/{referralId}', communityReferral.referralId);
  ids.set('patientId', patientId);
  ids.set('caseId', caseId);
  ids.set('consentId', consent.consentId);
  ids.set('entryId', entry.timeEntryId);
  ids.set('resourceId', resourceId);
  ids.set('staffId', staffId);
  ids.set('month', '2026-10');
  const operator = await as('carelink-operator');
  const agreements = ok<{ items: { agreementId: string }[] }>(
    await operator.send('GET', `/v1/directory/agreements?partnerId=${WORLD.partnerId}`),
    200,
    'agreements',
  );
  const clients = ok<{ items: { clientId: string }[] }>(
    await operator.send('GET', `/v1/directory/partners/${WORLD.partnerId}/clients`),
    200,
    'partner clients',
  );
  ids.set('tenantId', TENANT);
  ids.set('practiceId', 'practice-boston');
  ids.set('partnerId', WORLD.partnerId);
  ids.set('agreementId', agreements.items[0]?.agreementId ?? '');
  ids.set('clientId', clients.items[0]?.clientId ?? '');
  before = await stateItems();
}, 180_000);

afterAll(async () => {
  await cloud?.stop();
});

interface HttpOutcome {
  route: string;
  kind: MalformedCase['kind'];
  status: number;
  contentType: string;
  text: string;
}

const http: HttpOutcome[] = [];
const events: {
  queue: string;
  eventId: string;
  injected: string[];
  injectedKeys: string[];
  detailType: string;
}[] = [];

async function inParallel<T>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await run(items[next++] as T);
    }),
  );
}

describe('malformed input on every write route and every consumer', () => {
  it('answers every malformed body with a 4xx problem, never a 5xx', async () => {
    const routes = manifestRoutes().filter((r) => r.contract.body);
    expect(routes.length).toBeGreaterThan(0);
    let routeSeed = SEED;
    for (const route of routes) {
      const body = route.contract.body;
      if (!body) continue;
      const example = exampleOf(body);
      expect(example, `${route.label} documents no example body`).toBeDefined();
      // The operator administers the directory; every other route is called by the world's own clients.
      const operatorClient = cloud.clients.find((c) => c.kind === 'operator');
      const { client, holdsAllScopes } =
        route.contract.callers?.includes('operator') && operatorClient
          ? { client: operatorClient, holdsAllScopes: true }
          : callerFor(cloud, WORLD, route.contract);
      expect(holdsAllScopes, `no ${TENANT} client holds the scopes of ${route.label}`).toBe(true);
      const api = await as(client.clientId);
      const path = fillPath(route.contract.path, (name, context) => ids.get(context) ?? ids.get(name));
      const headers: Record<string, string> = route.contract.requiresIfMatch ? { 'if-match': '"1"' } : {};
      const cases = malformedCases(body, example, CASES_PER_ROUTE, routeSeed);
      routeSeed += 1000;
      await inParallel(cases, CONCURRENCY, async (malformed) => {
        const answer = await api.send(route.contract.method as HttpMethod, path, malformed.json, headers);
        http.push({
          route: route.label,
          kind: malformed.kind,
          status: answer.status,
          contentType: answer.contentType,
          text: answer.text,
        });
      });
    }

    const wrong = http.filter(
      (o) => o.status < 400 || o.status >= 500 || !o.contentType.startsWith('application/problem+json'),
    );
    expect(
      wrong.map((o) => `${o.route} (${o.kind}): ${o.status} ${o.contentType} ${o.text.slice(0, 200)}`),
    ).toEqual([]);
  });

  it('dead-letters every event with malformed data at once, with a reason that names the field', async () => {
    let subscriptionSeed = SEED + 500_000;
    const subscriptions = manifestSubscriptions();
    // One poison event first: it must reach its DLQ through the local SQS host before the rest go.
    const first = subscriptions[0];
    if (!first) throw new Error('no subscriptions');
    const probe = first.subscription.events[0];
    if (!probe) throw new Error(`${first.queue} subscribes to nothing`);
    const probeId = ulid();
    cloud.bus.putEvents([
      {
        Source: probe.source,
        DetailType: probe.detailType,
        Detail: JSON.stringify({
          metadata: {
            eventId: probeId,
            eventVersion: probe.version,
            tenantId: TENANT,
            correlationId: `fuzz-${probeId}`,
            occurredAt: new Date().toISOString(),
          },
          data: {},
        }),
      },
    ]);
    await cloud.settle(30_000);
    expect(
      cloud.queues
        .get(first.dlq)
        ?.list()
        .filter((m) => m.body.includes(probeId)),
    ).toHaveLength(1);

    for (const { subscription, dlq } of subscriptions) {
      expect(cloud.queues.get(dlq), `no dead-letter queue ${dlq}`).toBeDefined();
      const perContract = Math.ceil(CASES_PER_SUBSCRIPTION / subscription.events.length);
      for (const contract of subscription.events) {
        const cases = malformedCases(
          contract.data,
          contract.example,
          perContract,
          subscriptionSeed,
          [5_000, 60_000],
        );
        subscriptionSeed += 1000;
        for (const malformed of cases) {
          const eventId = ulid();
          const detail = {
            metadata: {
              eventId,
              eventVersion: contract.version,
              tenantId: TENANT,
              correlationId: `fuzz-${eventId}`,
              occurredAt: new Date().toISOString(),
            },
            ...(malformed.json === undefined ? {} : { data: malformed.value }),
          };
          const result = cloud.bus.putEvents([
            { Source: contract.source, DetailType: contract.detailType, Detail: JSON.stringify(detail) },
          ]);
          expect(result.FailedEntryCount, `${contract.detailType} was not accepted by the bus`).toBe(0);
          events.push({
            queue: dlq,
            eventId,
            injected: distinctiveLeaves(malformed.injected),
            injectedKeys: malformed.injectedKeys.filter((key) => key.trim().length >= 4),
            detailType: contract.detailType,
          });
        }
      }
    }
    await cloud.settle(90_000);

    const problems: string[] = [];
    let withReason = 0;
    let duplicates = 0;
    for (const sent of events) {
      const letters = (cloud.queues.get(sent.queue)?.list() ?? []).filter((m) =>
        m.body.includes(sent.eventId),
      );
      // SQS delivers at least once: a dead letter may arrive twice, never not at all.
      duplicates += Math.max(0, letters.length - 1);
      const reason = letters[0]?.reason;
      if (reason === undefined) {
        problems.push(`${sent.detailType} ${sent.eventId}: ${letters.length} letters in ${sent.queue}`);
        continue;
      }
      if (letters.some((l) => l.reason !== reason)) {
        problems.push(`${sent.queue}: copies of one letter give different reasons`);
        continue;
      }
      // `invalid <Type> data: <path>: <code>`; `(root)` when the data as a whole is of the wrong kind.
      if (!/^invalid \w+ data: (\(root\)|[^:]+): [a-z_]+/.test(reason)) {
        problems.push(`${sent.queue}: the reason names no field path: ${reason}`);
        continue;
      }
      if (sent.injected.some((value) => reason.includes(value))) {
        problems.push(`${sent.queue}: the reason echoes generated values: ${reason}`);
        continue;
      }
      // Paths may name a key that looks like an identifier; anything else the sender made up is `*`.
      if (sent.injectedKeys.some((key) => !/^[A-Za-z0-9_-]{1,64}$/.test(key) && reason.includes(key))) {
        problems.push(`${sent.queue}: the reason echoes a generated key: ${reason}`);
        continue;
      }
      withReason++;
    }
    console.log(`dead letters delivered twice: ${duplicates}`);
    expect(problems).toEqual([]);
    expect(withReason).toBe(events.length);
  }, 240_000);

  it('leaves no state behind: no item added, changed or removed in any service table', async () => {
    await cloud.settle();
    const after = await stateItems();
    const added = [...after.keys()].filter((key) => !before.has(key));
    const removed = [...before.keys()].filter((key) => !after.has(key));
    const changed = [...after.keys()].filter((key) => before.has(key) && before.get(key) !== after.get(key));
    const partialWrites = [...added, ...removed, ...changed];
    const fiveHundreds = http.filter((o) => o.status >= 500).length;
    const dlqWithReason = events.filter((e) =>
      cloud.queues
        .get(e.queue)
        ?.list()
        .some((m) => m.body.includes(e.eventId) && m.reason),
    ).length;
    const byStatus = new Map<number, number>();
    for (const o of http) byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
    console.log(`HTTP answers: ${[...byStatus].map(([s, n]) => `${s} x${n}`).join(', ')}`);
    console.log(
      `fuzz cases: ${http.length} HTTP, ${events.length} events; 5xx: ${fiveHundreds}; ` +
        `partial writes: ${partialWrites.length}; DLQ entries with reason: ${dlqWithReason}`,
    );
    expect(partialWrites.map((key) => `${key}\n  ${before.get(key)}\n  ${after.get(key)}`)).toEqual([]);
  });
});
