import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../packages/local/src/cloud';
import {
  type ApiClient,
  apiClient,
  type HttpMethod,
  type RawAnswer,
} from '../../packages/local/src/testing/api-client';
import { type JourneyResult, phiValues, runCcmJourney, startJourneyCloud } from '../journeys/ccm-journey';
import { ok } from './answers';
import {
  callerFor,
  callersOf,
  exampleOf,
  fillPath,
  type ManifestRoute,
  manifestRoutes,
  type World,
} from './manifest-routes';
import { openWork } from './open-work';

const OWNER: World = { tenantId: 'acme-health', partnerId: 'northwind-health' };
const OTHER: World = { tenantId: 'bluepeak-health', partnerId: 'lakeside-clinics' };

/**
 * What one of the owner's values is to a route:
 * - `reference`: an id the service assigned, or a resource of the owner; another tenant must be refused.
 * - `key`: a key the caller chooses (staff id, resource id, external referral id); a PUT or create with
 *   it acts in the caller's own tenant, and the owner's resource must stay as it was.
 * - `value`: not an identifier (a month, a version number).
 */
type Kind = 'reference' | 'key' | 'value';
interface OwnedValue {
  value: string;
  kind: Kind;
}

let cloud: LocalCloud;
let journey: JourneyResult;
/** The owner's values by path-parameter (or body field) name, or by `collection/{name}` where names clash. */
const owned = new Map<string, OwnedValue>();
/** Everything of the owner that must never appear in an answer to the other tenant. */
const ownerSecrets = new Set<string>();
const clientsById = new Map<string, ApiClient>();

async function as(clientId: string): Promise<ApiClient> {
  let client = clientsById.get(clientId);
  if (!client) {
    client = await apiClient(cloud, clientId);
    clientsById.set(clientId, client);
  }
  return client;
}

function own(name: string, value: string, kind: Kind): void {
  owned.set(name, { value, kind });
  if (kind !== 'value') ownerSecrets.add(value);
}

const lookup = (name: string, context: string) => (owned.get(context) ?? owned.get(name))?.value;

/** Replaces, at any depth, every field whose name is an owned reference or key with the owner's value. */
function withOwnedValues(value: unknown, replaced: OwnedValue[]): unknown {
  if (Array.isArray(value)) return value.map((v) => withOwnedValues(v, replaced));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      const mine = owned.get(key);
      if (mine && mine.kind !== 'value' && typeof v === 'string') {
        replaced.push(mine);
        return [key, mine.value];
      }
      return [key, withOwnedValues(v, replaced)];
    }),
  );
}

/** The owner's values an answer shows that the request did not carry itself. */
function leaksIn(answer: RawAnswer, request: string): string[] {
  return [...ownerSecrets].filter((secret) => !request.includes(secret) && answer.text.includes(secret));
}

/** The query a route documents, filled with the owner's values where a name matches. */
function queryFor(route: ManifestRoute): string {
  const keys = route.contract.query ? Object.keys(route.contract.query.shape) : [];
  const pairs = keys.flatMap((key): [string, string][] => {
    const mine = owned.get(key);
    return mine ? [[key, mine.value]] : [];
  });
  return pairs.length ? `?${new URLSearchParams(pairs).toString()}` : '';
}

interface Check {
  route: string;
  caller: string;
  status: number;
  expected: string;
  leaks: string[];
  failure?: string;
}

const checks: Check[] = [];
const skipped: { route: string; reason: string }[] = [];
/** The owner's answer to every read before and after the other tenant's calls. */
const ownerViewBefore = new Map<string, string>();

/**
 * Service defects this test finds today, each with what it does. The check still runs: a defect that
 * no longer reproduces fails the test until it is taken off this list.
 */
const knownDefects: Record<string, string> = {};
const defectsSeen: string[] = [];

/** Reads whose answer changes by design between two calls of the owner. */
const volatileReads: Record<string, string> = {
  'GET /v1/audit': 'the trail records every request, the owner’s own reads included',
  'GET /v1/referrals/{referralId}/access-log':
    'the partner’s access log lists every successful request on its member, the owner’s own reads included',
  'GET /v1/webhooks/{webhookId}/deliveries':
    'deliveries to the journey’s stopped receiver are retried on their own schedule',
};

async function ownerView(route: ManifestRoute): Promise<string> {
  // The directory's platform records are the operator's to read; everything else is the owner's own.
  const operatorOnly = !(route.contract.callers ?? ['tenant']).some((kind) => kind !== 'operator');
  const { client } = operatorOnly
    ? { client: { clientId: 'carelink-operator' } }
    : callerFor(cloud, OWNER, route.contract);
  const path = fillPath(route.contract.path, lookup) + queryFor(route);
  const answer = await (await as(client.clientId)).send('GET', path);
  // Each answer has its own correlation id; everything else must be as it was.
  return `${answer.status} ${answer.text.replace(/"correlationId":"[^"]*"/g, '"correlationId":"…"')}`;
}

beforeAll(async () => {
  cloud = await startJourneyCloud();
  journey = await runCcmJourney(cloud, () => undefined);
  await cloud.settle();

  const partner = await as(OWNER.partnerId);
  const careManager = await as('staff-boston-care-manager');
  const clinicalStaff = await as('staff-boston-clinical-staff');
  const staffAdmin = await as('staff-boston-staff-admin');

  const referral = ok<{ externalReferralId: string }>(
    await partner.send('GET', `/v1/referrals/${journey.referralId}`),
    200,
    'read referral',
  );
  const webhooks = ok<{ items: { id: string }[] }>(
    await partner.send('GET', '/v1/webhooks'),
    200,
    'webhooks',
  );
  const consents = ok<{ items: { consentId: string }[] }>(
    await careManager.send('GET', `/v1/patients/${journey.patientId}/consents`),
    200,
    'consents',
  );
  const entries = ok<{ items: { timeEntryId: string }[] }>(
    await clinicalStaff.send('GET', `/v1/patients/${journey.patientId}/time-entries?month=2026-10`),
    200,
    'time entries',
  );
  const resourceId = 'acme-isolation-pantry';
  ok(
    await careManager.send('PUT', `/v1/community-resources/${resourceId}`, {
      name: 'Acme Isolation Pantry',
      category: 'food-assistance',
    }),
    200,
    'community resource',
  );
  const communityReferral = ok<{ referralId: string }>(
    await careManager.send('POST', `/v1/patients/${journey.patientId}/community-referrals`, { resourceId }),
    201,
    'community referral',
  );
  const staffId = 'staff-boston-isolation-1';
  const rosterRoute = manifestRoutes().find((r) => r.contract.path === '/v1/roster/staff/{staffId}');
  ok(
    await staffAdmin.send('PUT', `/v1/roster/staff/${staffId}`, exampleOf(rosterRoute?.contract.body)),
    200,
    'roster entry',
  );

  const work = await openWork(careManager, journey, () => cloud.settle());

  own('referralId', journey.referralId, 'reference');
  own('flagId', work.flagId, 'reference');
  own('escalationId', work.escalationId, 'reference');
  own('taskId', work.taskId, 'reference');
  own('taskKey', work.taskKey, 'reference');
  own('community-referrals/{referralId}', communityReferral.referralId, 'reference');
  own('patientId', journey.patientId, 'reference');
  own('caseId', journey.caseId, 'reference');
  own('runId', journey.runId, 'reference');
  own('webhookId', webhooks.items[0]?.id ?? '', 'reference');
  own('consentId', consents.items[0]?.consentId ?? '', 'reference');
  own('entryId', entries.items[0]?.timeEntryId ?? '', 'reference');
  own('practiceId', 'practice-boston', 'reference');
  own('subject', journey.primaryStaffId, 'reference');
  own('staffId', staffId, 'key');
  own('resourceId', resourceId, 'key');
  own('externalReferralId', referral.externalReferralId, 'key');
  const operator = await as('carelink-operator');
  const agreements = ok<{ items: { agreementId: string }[] }>(
    await operator.send('GET', `/v1/directory/agreements?partnerId=${OWNER.partnerId}`),
    200,
    'agreements',
  );
  const partnerClients = ok<{ items: { clientId: string }[] }>(
    await operator.send('GET', `/v1/directory/partners/${OWNER.partnerId}/clients`),
    200,
    'partner clients',
  );
  own('tenantId', OWNER.tenantId, 'reference');
  own('partnerId', OWNER.partnerId, 'reference');
  own('agreementId', agreements.items[0]?.agreementId ?? '', 'reference');
  own('clientId', partnerClients.items[0]?.clientId ?? '', 'reference');
  own('version', '1', 'value');
  own('month', '2026-10', 'value');
  for (const [name, { value }] of owned) if (!value) throw new Error(`the owner has no ${name}`);

  // Every referral of the owner (the local seed's too) and its patient, and the journey's member data.
  const list = ok<{ items: { id: string }[] }>(
    await partner.send('GET', '/v1/referrals?limit=100'),
    200,
    'list',
  );
  for (const { id } of list.items) {
    ownerSecrets.add(id);
    const detail = ok<{ patientId: string }>(
      await partner.send('GET', `/v1/referrals/${id}`),
      200,
      'referral',
    );
    ownerSecrets.add(detail.patientId);
  }
  for (const value of phiValues) ownerSecrets.add(value);

  for (const route of manifestRoutes()) {
    if (route.contract.method !== 'GET' || volatileReads[route.label]) continue;
    ownerViewBefore.set(route.label, await ownerView(route));
  }
}, 300_000);

afterAll(async () => {
  await cloud?.stop();
});

async function call(
  route: ManifestRoute,
  path: string,
  body: unknown,
): Promise<{ answer: RawAnswer; caller: string; holdsAllScopes: boolean; request: string }> {
  const { client, holdsAllScopes } = callerFor(cloud, OTHER, route.contract);
  const headers: Record<string, string> = route.contract.requiresIfMatch ? { 'if-match': '"1"' } : {};
  const answer = await (await as(client.clientId)).send(
    route.contract.method as HttpMethod,
    path,
    body,
    headers,
  );
  return {
    answer,
    caller: client.clientId,
    holdsAllScopes,
    request: `${path} ${JSON.stringify(body) ?? ''}`,
  };
}

/** Lists: the other tenant's list shows nothing of the owner. */
async function checkList(route: ManifestRoute): Promise<void> {
  const path = route.contract.path + queryFor(route);
  const { answer, caller, holdsAllScopes, request } = await call(route, path, undefined);
  const expected = holdsAllScopes ? '200' : '403';
  const leaks = leaksIn(answer, request);
  checks.push({
    route: route.label,
    caller,
    status: answer.status,
    expected,
    leaks,
    ...(String(answer.status) === expected ? {} : { failure: answer.text.slice(0, 300) }),
  });
}

/** Creates without a path: only those whose body can name something of the owner are telling. */
async function checkCreate(route: ManifestRoute): Promise<void> {
  const replaced: OwnedValue[] = [];
  const body = withOwnedValues(exampleOf(route.contract.body), replaced);
  if (replaced.length === 0) {
    skipped.push({
      route: route.label,
      reason: 'creates in the caller’s own tenant and its body names nothing of another tenant',
    });
    return;
  }
  const { answer, caller, holdsAllScopes, request } = await call(route, route.contract.path, body);
  // A reference to the owner's resource must be refused; the owner's key only names the caller's own.
  const refuse = !holdsAllScopes || replaced.some((v) => v.kind === 'reference');
  const allowed = refuse ? [403, 404, 422] : [200, 201, 403, 404, 409, 422];
  checks.push({
    route: route.label,
    caller,
    status: answer.status,
    expected: allowed.join('|'),
    leaks: leaksIn(answer, request),
    ...(allowed.includes(answer.status) ? {} : { failure: answer.text.slice(0, 300) }),
  });
}

/** Routes on one resource: the owner's ids answer 404 (or 403), never the resource. */
async function checkResource(route: ManifestRoute): Promise<void> {
  const path = fillPath(route.contract.path, lookup) + queryFor(route);
  const body = route.contract.body ? exampleOf(route.contract.body) : undefined;
  const { answer, caller, holdsAllScopes, request } = await call(route, path, body);
  // A PUT addressed only by keys the caller chooses writes the caller's own resource of that name.
  const ownNamespaceUpsert =
    holdsAllScopes &&
    route.contract.method === 'PUT' &&
    route.params.every((name) => owned.get(name)?.kind !== 'reference');
  const allowed = holdsAllScopes ? [403, 404] : [403];
  if (ownNamespaceUpsert) allowed.push(200, 201);
  const problem = answer.status >= 400 && !answer.contentType.includes('application/problem+json');
  checks.push({
    route: route.label,
    caller,
    status: answer.status,
    expected: allowed.join('|'),
    leaks: leaksIn(answer, request),
    ...(allowed.includes(answer.status) && !problem
      ? {}
      : { failure: `${answer.contentType} ${answer.text.slice(0, 300)}` }),
  });
}

describe(`isolation: ${OTHER.tenantId} and ${OTHER.partnerId} call every route with ${OWNER.tenantId}'s and ${OWNER.partnerId}'s ids`, () => {
  it('answers 404 or 403 and shows nothing of the other tenant, on every route of every manifest', async () => {
    const routes = manifestRoutes();
    // Lists first: the other tenant's own upserts below reuse the owner's key names.
    for (const route of routes.filter((r) => r.params.length === 0 && r.contract.method === 'GET')) {
      await checkList(route);
    }
    for (const route of routes.filter((r) => r.params.length === 0 && r.contract.method !== 'GET')) {
      await checkCreate(route);
    }
    for (const route of routes.filter((r) => r.params.length > 0)) await checkResource(route);
    await cloud.settle();

    const accounted = new Set([...checks.map((c) => c.route), ...skipped.map((s) => s.route)]);
    const unaccounted = routes.filter((r) => !accounted.has(r.label)).map((r) => r.label);
    expect(unaccounted, 'routes skipped without a reason').toEqual([]);

    const leaks = checks.flatMap((c) => c.leaks.map((l) => `${c.route} as ${c.caller}: ${l}`));
    const failures = checks.flatMap((c) => {
      const known = knownDefects[c.route];
      if (c.failure === undefined) {
        return known ? [`${c.route}: the known defect no longer reproduces; take it off knownDefects`] : [];
      }
      if (known) {
        defectsSeen.push(`${c.route} as ${c.caller}: ${c.status}, ${known}`);
        return [];
      }
      return [`${c.route} as ${c.caller}: ${c.status}, expected ${c.expected}: ${c.failure}`];
    });
    for (const s of skipped) console.log(`skipped ${s.route}: ${s.reason}`);
    for (const d of defectsSeen) console.log(`known defect: ${d}`);
    const statuses = new Map<number, number>();
    for (const c of checks) statuses.set(c.status, (statuses.get(c.status) ?? 0) + 1);
    console.log(`answers: ${[...statuses].map(([status, n]) => `${status} x${n}`).join(', ')}`);
    console.log(`routes x tenants checked: ${checks.length}, leaks: ${leaks.length}`);
    expect(leaks).toEqual([]);
    expect(failures).toEqual([]);
  });

  it('turns every token away from routes not written for its kind: partners from staff routes, staff from partner routes', async () => {
    const wrongKind: string[] = [];
    let checked = 0;
    const partner = callersOf(cloud, OWNER, 'partner');
    const staff = callersOf(cloud, OWNER, 'tenant');
    for (const route of manifestRoutes()) {
      const kinds = route.contract.callers ?? ['tenant'];
      const outsiders = [
        ...(kinds.includes('partner') ? [] : partner),
        ...(kinds.includes('tenant') ? [] : staff),
      ];
      const path = fillPath(route.contract.path, lookup) + queryFor(route);
      const body = route.contract.body ? exampleOf(route.contract.body) : undefined;
      const headers: Record<string, string> = route.contract.requiresIfMatch ? { 'if-match': '"1"' } : {};
      for (const outsider of outsiders) {
        const answer = await (await as(outsider.clientId)).send(
          route.contract.method as HttpMethod,
          path,
          body,
          headers,
        );
        checked += 1;
        if (answer.status !== 403) wrongKind.push(`${route.label} as ${outsider.clientId}: ${answer.status}`);
        const leaked = leaksIn(answer, `${path} ${JSON.stringify(body) ?? ''}`);
        if (leaked.length > 0)
          wrongKind.push(`${route.label} as ${outsider.clientId} showed ${leaked.join(', ')}`);
      }
    }
    console.log(`routes x wrong-kind callers checked: ${checked}`);
    expect(checked).toBeGreaterThan(manifestRoutes().length);
    expect(wrongKind).toEqual([]);
  });

  it("leaves every one of the owner's resources as the owner read it before", async () => {
    const changed: string[] = [];
    for (const route of manifestRoutes()) {
      const before = ownerViewBefore.get(route.label);
      if (before === undefined) continue;
      const after = await ownerView(route);
      if (after !== before) changed.push(`${route.label}\n  before ${before}\n  after  ${after}`);
    }
    console.log(
      `owner reads compared: ${ownerViewBefore.size}, changed: ${changed.length}; not compared: ${Object.entries(
        volatileReads,
      )
        .map(([route, why]) => `${route} (${why})`)
        .join('; ')}`,
    );
    expect(changed).toEqual([]);
  });
});
