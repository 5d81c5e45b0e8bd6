import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  CaseClosedV1,
  CaseOpenedV1,
  EligibilityDeterminedV1,
  type EventContract,
  type EventDetail,
} from '@carelink/contracts';
import { createDocumentClient } from '@carelink/lambda-kit';
import type { LocalCloud } from '@carelink/local/cloud';
import { apiClient } from '@carelink/local/testing/api-client';
import { publishContractEvent } from '@carelink/local/testing/bus';
import { startTestCloud } from '@carelink/local/testing/local-cloud-fixture';
import { phiFoundIn } from '@carelink/local/testing/phi';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { intakeManifest } from '../manifest';
import { memberPhi, referralBody } from '../testing/referral-fixtures';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startTestCloud([intakeManifest]);
});
afterAll(async () => {
  await cloud?.stop();
});

type Published = { source: string; 'detail-type': string; detail: EventDetail<EventContract> };
const published = (detailType: string, referralId: string) =>
  (cloud.bus.events() as readonly Published[]).filter(
    (e) =>
      e['detail-type'] === detailType && (e.detail.data as { referralId?: string }).referralId === referralId,
  );

const inject = <C extends EventContract>(contract: C, tenantId: string, data: z.input<C['data']>) =>
  publishContractEvent(cloud, contract, data, { tenantId });

async function patch(client: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${cloud.apiUrl}${path}`, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${await cloud.token(client)}`,
      'content-type': 'application/json',
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

function determination(
  referral: { id: string; patientId: string },
  version: number,
  statuses: ('eligible' | 'ineligible' | 'needs-information')[],
  reasons: string[] = ['CHRONIC_CONDITIONS_MET'],
) {
  const programs = ['ccm', 'tcm', 'pcm'] as const;
  return {
    referralId: referral.id,
    patientId: referral.patientId,
    practiceId: 'practice-boston',
    determinationVersion: version,
    planType: 'medicare-advantage' as const,
    programs: statuses.map((status, i) => ({ program: programs[i] ?? 'ccm', status, reasons })),
    conditionCategories: ['diabetes'],
    complexConditionForPcm: false,
    timeZone: 'America/New_York',
  };
}

describe('POST /v1/referrals', () => {
  it('creates a referral for the default practice and publishes ReferralReceived without PHI', async () => {
    const acme = await apiClient(cloud, 'northwind-health');
    const body = referralBody();
    const res = await acme.post('/v1/referrals', body);
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/v1/referrals/${res.body.id}`);
    expect(res.body).toMatchObject({
      status: 'received',
      taskStatus: 'requested',
      businessStatus: { code: 'RECEIVED' },
      version: 1,
      practiceId: 'practice-boston',
      externalReferralId: body.externalReferralId,
    });
    expect(res.body.member.mbi).toBe(body.member.mbi?.replaceAll('-', ''));
    expect(res.body.diagnoses[0].code).toBe('E11.9');
    await cloud.settle();
    const received = published('ReferralReceived', res.body.id);
    expect(received).toHaveLength(1);
    const detail = JSON.stringify(received[0]?.detail);
    expect(phiFoundIn(detail, [...memberPhi, 'CHF'])).toEqual([]);
    expect(received[0]?.detail.data).toMatchObject({
      patientId: res.body.patientId,
      practiceId: 'practice-boston',
      coverage: { memberId: body.member.memberId, planType: 'medicare-advantage' },
      diagnosisCodes: ['E11.9', 'I50.22'],
    });
    expect(published('ReferralStatusChanged', res.body.id).map((e) => e.detail.data)).toEqual([
      expect.objectContaining({ status: 'received', previousStatus: null, version: 1 }),
    ]);
  });

  it('replays the first response for the same Idempotency-Key and publishes once', async () => {
    const acme = await apiClient(cloud, 'northwind-health');
    const body = referralBody();
    const key = randomUUID();
    const first = await acme.post('/v1/referrals', body, { 'idempotency-key': key });
    const second = await acme.post('/v1/referrals', body, { 'idempotency-key': key });
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    await cloud.settle();
    expect(published('ReferralReceived', first.body.id)).toHaveLength(1);
  });

  it('answers 409 with the existing referral for a reused externalReferralId', async () => {
    const acme = await apiClient(cloud, 'northwind-health');
    const body = referralBody();
    const first = await acme.post('/v1/referrals', body);
    const again = await acme.post('/v1/referrals', { ...body, priority: 'urgent' });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    expect(again.body.existing).toBe(`/v1/referrals/${first.body.id}`);
    expect(JSON.stringify(again.body)).not.toContain(body.member.memberId);
  });

  it('reuses the patient id for the same partner member and assigns a new one per tenant', async () => {
    const acme = await apiClient(cloud, 'northwind-health');
    const bluepeak = await apiClient(cloud, 'lakeside-clinics');
    const first = referralBody();
    const a = await acme.post('/v1/referrals', first);
    const b = await acme.post('/v1/referrals', referralBody({ member: first.member }));
    const c = await bluepeak.post('/v1/referrals', referralBody({ member: first.member }));
    expect(b.body.patientId).toBe(a.body.patientId);
    expect(c.status).toBe(201);
    expect(c.body.patientId).not.toBe(a.body.patientId);
    expect(c.body.practiceId).toBe('practice-denver');
  });

  it('answers 403 to a token without referrals:write', async () => {
    const staff = await apiClient(cloud, 'staff-boston-care-manager');
    const res = await staff.post('/v1/referrals', referralBody());
    expect(res.status).toBe(403);
    expect((await staff.get('/v1/referrals')).status).toBe(403);
  });
});

describe('routing through the partner network', () => {
  it('sends a partner that refers to two care organisations to the practice its agreements name', async () => {
    const harbor = await apiClient(cloud, 'harbor-health');
    const colorado = referralBody({
      member: {
        ...referralBody().member,
        address: { line1: '1 Main St', city: 'Denver', state: 'CO', postalCode: '80202' },
      },
    });
    const massachusetts = referralBody();
    const toDenver = await harbor.post('/v1/referrals', colorado);
    const toCambridge = await harbor.post('/v1/referrals', massachusetts);
    expect(toDenver.status).toBe(201);
    expect(toDenver.body.practiceId).toBe('practice-denver');
    expect(toCambridge.body.practiceId).toBe('practice-cambridge');
    await cloud.settle();
    const tenantOf = (id: string) =>
      (cloud.bus.events() as readonly Published[]).find(
        (e) =>
          e['detail-type'] === 'ReferralReceived' &&
          (e.detail.data as { referralId: string }).referralId === id,
      )?.detail.metadata.tenantId;
    expect(tenantOf(toDenver.body.id)).toBe('bluepeak-health');
    expect(tenantOf(toCambridge.body.id)).toBe('acme-health');
    // The partner lists both, whichever tenant each landed in.
    const listed = (await harbor.get('/v1/referrals?limit=100')).body.items.map((r: { id: string }) => r.id);
    expect(listed).toEqual(expect.arrayContaining([toDenver.body.id, toCambridge.body.id]));
  });

  it('answers 422 no-network-practice when no agreement takes the referral', async () => {
    const northwind = await apiClient(cloud, 'northwind-health');
    const operator = await apiClient(cloud, 'carelink-operator');
    expect(
      (
        await operator.post(
          '/v1/directory/partners',
          { partnerId: 'orphan-plan', name: 'Orphan Plan' },
          { 'idempotency-key': randomUUID() },
        )
      ).status,
    ).toBe(201);
    const client = await operator.post(
      '/v1/directory/partners/orphan-plan/clients',
      {},
      { 'idempotency-key': randomUUID() },
    );
    const token = await fetch(`${cloud.apiUrl}/oauth2/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${client.body.clientId}:${client.body.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    const { access_token } = (await token.json()) as { access_token: string };
    const res = await fetch(`${cloud.apiUrl}/v1/referrals`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${access_token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(referralBody()),
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { type: string }).type).toBe(
      'https://carelink.dev/problems/no-network-practice',
    );
    // A program outside every agreement of a partner that has agreements is refused the same way.
    expect((await northwind.post('/v1/referrals', referralBody())).status).toBe(201);
  });

  it('keeps one patient for the same person referred by two partners to the same tenant', async () => {
    const northwind = await apiClient(cloud, 'northwind-health');
    const harbor = await apiClient(cloud, 'harbor-health');
    const member = { ...referralBody().member, mbi: '1EG4TE5MK74' };
    const viaNorthwind = await northwind.post('/v1/referrals', referralBody({ member }));
    const viaHarbor = await harbor.post(
      '/v1/referrals',
      referralBody({ member: { ...member, memberId: 'HARBOR-9' } }),
    );
    expect(viaNorthwind.body.practiceId).toBe('practice-boston');
    expect(viaHarbor.body.practiceId).toBe('practice-cambridge');
    expect(viaHarbor.body.patientId).toBe(viaNorthwind.body.patientId);
    expect(JSON.stringify(viaHarbor.body)).not.toMatch(/patientKey/);
  });
});

describe('partner isolation', () => {
  it('hides a referral from another partner: read, list, cancel and correct are 404 or empty', async () => {
    const acme = await apiClient(cloud, 'northwind-health');
    const bluepeak = await apiClient(cloud, 'lakeside-clinics');
    const created = await acme.post('/v1/referrals', referralBody());
    const id = created.body.id;
    expect((await bluepeak.get(`/v1/referrals/${id}`)).status).toBe(404);
    expect((await bluepeak.post(`/v1/referrals/${id}/cancel`, { reasonCode: 'duplicate' })).status).toBe(404);
    expect(
      (
        await patch(
          'lakeside-clinics',
          `/v1/referrals/${id}`,
          { utilization: { admissions6m: 0, edVisits6m: 0 } },
          { 'if-match': '"1"' },
        )
      ).status,
    ).toBe(404);
    const listed = await bluepeak.get('/v1/referrals?limit=100');
    expect(listed.body.items.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await acme.get(`/v1/referrals/${id}`)).body.status).toBe('received');
  });

  it('hides a referral from a partner that refers to the same practice', async () => {
    const harbor = await apiClient(cloud, 'harbor-health');
    const lakeside = await apiClient(cloud, 'lakeside-clinics');
    const colorado = referralBody({
      member: {
        ...referralBody().member,
        address: { line1: '1 Main St', city: 'Denver', state: 'CO', postalCode: '80202' },
      },
    });
    const { body } = await harbor.post('/v1/referrals', colorado);
    expect(body.practiceId).toBe('practice-denver');
    expect((await lakeside.get(`/v1/referrals/${body.id}`)).status).toBe(404);
  });

  it('rejects a cursor issued to another partner with 422', async () => {
    const acme = await apiClient(cloud, 'northwind-health');
    const bluepeak = await apiClient(cloud, 'lakeside-clinics');
    await acme.post('/v1/referrals', referralBody());
    await acme.post('/v1/referrals', referralBody());
    const page = await acme.get('/v1/referrals?limit=1');
    expect(page.body.nextCursor).toBeDefined();
    const foreign = await bluepeak.get(`/v1/referrals?cursor=${page.body.nextCursor}`);
    expect(foreign.status).toBe(422);
  });
});

describe('GET /v1/referrals', () => {
  it('pages newest first with an opaque cursor and filters by status and update time', async () => {
    const acme = await apiClient(cloud, 'northwind-health');
    const since = new Date().toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await acme.post('/v1/referrals', referralBody())).body.id);
    await acme.post(`/v1/referrals/${ids[0]}/cancel`, { reasonCode: 'duplicate' });
    const first = await acme.get(`/v1/referrals?limit=2&updatedSince=${encodeURIComponent(since)}`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((r: { id: string }) => r.id)).toEqual([ids[0], ids[2]]);
    expect(first.body.items[0]).not.toHaveProperty('member');
    const second = await acme.get(
      `/v1/referrals?limit=2&updatedSince=${encodeURIComponent(since)}&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((r: { id: string }) => r.id)).toEqual([ids[1]]);
    const cancelled = await acme.get(
      `/v1/referrals?status=cancelled&updatedSince=${encodeURIComponent(since)}`,
    );
    expect(cancelled.body.items.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
    expect((await acme.get('/v1/referrals?limit=101')).status).toBe(422);
    expect((await acme.get('/v1/referrals?cursor=not-a-cursor')).status).toBe(422);
    const forged = Buffer.from(
      JSON.stringify({
        t: 'acme-health',
        k: { pk: 1, sk: 'REFERRAL', gsi1pk: 'T#acme-health#REFERRALS', gsi1sk: 'x' },
      }),
    ).toString('base64url');
    expect((await acme.get(`/v1/referrals?cursor=${forged}`)).status).toBe(422);
  });
});

describe('PATCH /v1/referrals/{id}', () => {
  it('adds an authorization, bumps the version and publishes ReferralUpdated; a stale If-Match is 412', async () => {
    const acme = await apiClient(cloud, 'northwind-health');
    const created = await acme.post('/v1/referrals', referralBody());
    const path = `/v1/referrals/${created.body.id}`;
    const authorization = { authorizedUnits: 12, fundingSource: 'acme-cm', validUntil: '2027-06-30' };
    expect((await patch('northwind-health', path, { authorization })).status).toBe(428);
    const updated = await patch('northwind-health', path, { authorization }, { 'if-match': '"1"' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, authorization });
    expect(updated.headers.get('etag')).toBe('"2"');
    const stale = await patch('northwind-health', path, { authorization }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect((await patch('northwind-health', path, { member: {} }, { 'if-match': '"2"' })).status).toBe(422);
    await cloud.settle();
    const events = published('ReferralUpdated', created.body.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.detail.data).toMatchObject({ version: 2, authorization });
  });
});

describe('POST /v1/referrals/{id}/cancel', () => {
  it('cancels once, publishes ReferralCancelled and answers 409 to a second cancel', async () => {
    const acme = await apiClient(cloud, 'northwind-health');
    const created = await acme.post('/v1/referrals', referralBody());
    const path = `/v1/referrals/${created.body.id}/cancel`;
    const res = await acme.post(path, { reasonCode: 'member-declined', note: 'Prefers own doctor' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', taskStatus: 'cancelled', version: 2 });
    expect((await acme.post(path, { reasonCode: 'member-declined' })).status).toBe(409);
    await cloud.settle();
    const cancelled = published('ReferralCancelled', created.body.id);
    expect(cancelled).toHaveLength(1);
    expect(JSON.stringify(cancelled[0]?.detail)).not.toContain('Prefers');
  });
});

describe('lifecycle from events', () => {
  it('moves received → screening → eligible → enrolled → closed and ignores a stale determination', async () => {
    const acme = await apiClient(cloud, 'northwind-health');
    const { body: referral } = await acme.post('/v1/referrals', referralBody());
    const read = async () => (await acme.get(`/v1/referrals/${referral.id}`)).body;

    await inject(
      EligibilityDeterminedV1,
      'acme-health',
      determination(referral, 2, ['eligible', 'ineligible']),
    );
    expect(await read()).toMatchObject({
      status: 'eligible',
      taskStatus: 'accepted',
      businessStatus: { code: 'ELIGIBLE', text: 'Eligible for ccm' },
      version: 3,
    });

    // An older determination arriving late changes nothing.
    await inject(EligibilityDeterminedV1, 'acme-health', determination(referral, 1, ['ineligible']));
    expect((await read()).status).toBe('eligible');

    const caseId = ulid();
    const caseData = {
      caseId,
      patientId: referral.patientId,
      referralId: referral.id,
      practiceId: 'practice-boston',
      program: 'ccm' as const,
    };
    await inject(CaseOpenedV1, 'acme-health', {
      ...caseData,
      primaryStaffId: 'staff-boston-care-manager',
      identifiedAt: new Date().toISOString(),
      timeZone: 'America/New_York',
    });
    expect(await read()).toMatchObject({ status: 'enrolled', taskStatus: 'in-progress', version: 4 });

    // A newer determination cannot move an enrolled referral back.
    await inject(EligibilityDeterminedV1, 'acme-health', determination(referral, 3, ['ineligible']));
    expect((await read()).status).toBe('enrolled');

    await inject(CaseClosedV1, 'acme-health', { ...caseData, reason: 'goals-met' });
    const closed = await read();
    expect(closed).toMatchObject({ status: 'closed', taskStatus: 'completed' });
    expect(closed.history.map((h: { to: string }) => h.to)).toEqual([
      'received',
      'screening',
      'eligible',
      'enrolled',
      'closed',
    ]);
    await cloud.settle();
    const changes = published('ReferralStatusChanged', referral.id).map(
      (e) => e.detail.data as { status: string; version: number },
    );
    expect(changes.map((c) => [c.status, c.version])).toEqual([
      ['received', 1],
      ['screening', 2],
      ['eligible', 3],
      ['enrolled', 4],
      ['closed', 5],
    ]);
  });

  it('keeps a referral in screening with NEEDS_INFORMATION and its reasons, then ineligible', async () => {
    const acme = await apiClient(cloud, 'northwind-health');
    const { body: referral } = await acme.post('/v1/referrals', referralBody());
    await inject(
      EligibilityDeterminedV1,
      'acme-health',
      determination(referral, 1, ['needs-information', 'ineligible'], ['AUTHORIZATION_MISSING']),
    );
    const screening = (await acme.get(`/v1/referrals/${referral.id}`)).body;
    expect(screening).toMatchObject({
      status: 'screening',
      businessStatus: { code: 'NEEDS_INFORMATION', reasonCodes: ['AUTHORIZATION_MISSING'] },
    });
    await inject(
      EligibilityDeterminedV1,
      'acme-health',
      determination(referral, 2, ['ineligible'], ['NO_COVERAGE']),
    );
    expect((await acme.get(`/v1/referrals/${referral.id}`)).body).toMatchObject({
      status: 'ineligible',
      taskStatus: 'rejected',
      businessStatus: { code: 'INELIGIBLE', reasonCodes: ['NO_COVERAGE'] },
    });
  });

  it('enrols a referral whose CaseOpened overtook its EligibilityDetermined', async () => {
    const acme = await apiClient(cloud, 'northwind-health');
    const { body: referral } = await acme.post('/v1/referrals', referralBody());
    await inject(CaseOpenedV1, 'acme-health', {
      caseId: ulid(),
      patientId: referral.patientId,
      referralId: referral.id,
      practiceId: 'practice-boston',
      program: 'ccm',
      primaryStaffId: 'staff-boston-care-manager',
      identifiedAt: new Date().toISOString(),
      timeZone: 'America/New_York',
    });
    expect((await acme.get(`/v1/referrals/${referral.id}`)).body.status).toBe('received');
    await inject(EligibilityDeterminedV1, 'acme-health', determination(referral, 1, ['eligible']));
    const enrolled = (await acme.get(`/v1/referrals/${referral.id}`)).body;
    expect(enrolled.status).toBe('enrolled');
    expect(enrolled.history.map((h: { to: string }) => h.to)).toEqual([
      'received',
      'screening',
      'eligible',
      'enrolled',
    ]);
  });

  it('still tells the partner what became of the case after it cancelled', async () => {
    const acme = await apiClient(cloud, 'northwind-health');
    const { body: referral } = await acme.post('/v1/referrals', referralBody());
    await acme.post(`/v1/referrals/${referral.id}/cancel`, { reasonCode: 'duplicate' });
    const caseId = ulid();
    const opened = {
      caseId,
      patientId: referral.patientId,
      referralId: referral.id,
      practiceId: 'practice-boston',
      program: 'ccm' as const,
    };
    await inject(CaseOpenedV1, 'acme-health', {
      ...opened,
      primaryStaffId: 'staff-boston-care-manager',
      identifiedAt: new Date().toISOString(),
      timeZone: 'America/New_York',
    });
    expect((await acme.get(`/v1/referrals/${referral.id}`)).body).toMatchObject({
      status: 'cancelled',
      version: 3,
      businessStatus: { code: 'CANCELLED_CARE_CONTINUES' },
    });
    await inject(CaseClosedV1, 'acme-health', { ...opened, reason: 'referral-cancelled' });
    expect((await acme.get(`/v1/referrals/${referral.id}`)).body).toMatchObject({
      status: 'cancelled',
      version: 4,
      businessStatus: { code: 'CANCELLED_CASE_CLOSED' },
    });
    expect(cloud.queues.get('intake-referral-lifecycle-dlq')?.depth ?? 0).toBe(0);
  });

  it('ignores an illegal transition from an event instead of retrying it', async () => {
    const acme = await apiClient(cloud, 'northwind-health');
    const { body: referral } = await acme.post('/v1/referrals', referralBody());
    await inject(EligibilityDeterminedV1, 'acme-health', determination(referral, 1, ['ineligible']));
    await inject(CaseOpenedV1, 'acme-health', {
      caseId: ulid(),
      patientId: referral.patientId,
      referralId: referral.id,
      practiceId: 'practice-boston',
      program: 'ccm',
      primaryStaffId: 'staff-boston-care-manager',
      identifiedAt: new Date().toISOString(),
      timeZone: 'America/New_York',
    });
    expect((await acme.get(`/v1/referrals/${referral.id}`)).body.status).toBe('ineligible');
    expect(cloud.queues.get('intake-referral-lifecycle-dlq')?.depth ?? 0).toBe(0);
  });

  it('does not let one tenant’s event move another tenant’s referral', async () => {
    const acme = await apiClient(cloud, 'northwind-health');
    const { body: referral } = await acme.post('/v1/referrals', referralBody());
    await inject(EligibilityDeterminedV1, 'bluepeak-health', determination(referral, 1, ['eligible']));
    expect((await acme.get(`/v1/referrals/${referral.id}`)).body.status).toBe('received');
  });
});

describe('storage', () => {
  it('keeps clinical records under their tenant and what a partner owns under the partner', async () => {
    const { Items = [] } = await createDocumentClient().send(
      new ScanCommand({ TableName: cloud.tableName('intake') }),
    );
    const owner = /^(T|P)#[a-z0-9-]+#/;
    for (const item of Items) {
      expect(String(item.pk)).toMatch(owner);
      if (item.gsi1pk && item.gsi1pk !== 'PARTNERS') expect(String(item.gsi1pk)).toMatch(owner);
      if (item.kind === 'referral' || item.kind === 'patient') expect(String(item.pk)).toMatch(/^T#/);
    }
    // Members are found by an HMAC of their identifiers: no MBI or member id is part of any key.
    const keysText = JSON.stringify(Items.map((i) => [i.pk, i.sk, i.gsi1pk, i.gsi1sk]));
    expect(keysText).not.toMatch(/1EG4TE5MK7|M-[a-z0-9]+-\d+/);
  });
});
