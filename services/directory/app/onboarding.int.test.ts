import type { LocalCloud } from '@carelink/local/cloud';
import {
  type ApiClient,
  apiClient,
  apiClientWithToken,
  clientCredentialsToken,
} from '@carelink/local/testing/api-client';
import { startTestCloud } from '@carelink/local/testing/local-cloud-fixture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeManifest } from '../../intake/manifest';
import { referralBody } from '../../intake/testing/referral-fixtures';

let cloud: LocalCloud;
let operator: ApiClient;

beforeAll(async () => {
  cloud = await startTestCloud([intakeManifest]);
  operator = await apiClient(cloud, 'carelink-operator');
});
afterAll(async () => {
  await cloud?.stop();
});

const practice = {
  practiceId: 'practice-portland',
  tenantId: 'casco-care',
  name: 'Casco Bay Internal Medicine',
  npi: '1456789019',
  tin: '01-0234567',
  timeZone: 'America/New_York',
  address: { line1: '22 Free St', city: 'Portland', state: 'ME', postalCode: '04101' },
  locality: { carrier: '14112', locality: '00' },
  careModel: 'time-based',
  callbackNumber: '+12075550100',
  billingPractitioners: [{ npi: '1456789019', name: 'Dr. Ada Moss' }],
};

/** Issues a client to a partner and signs in with it, as the partner's integrator would. */
async function partnerClient(
  partnerId: string,
): Promise<{ client: ApiClient; clientId: string; clientSecret: string }> {
  const issued = await operator.post(`/v1/directory/partners/${partnerId}/clients`, {
    description: 'integration',
  });
  expect(issued.status).toBe(201);
  const { token } = await clientCredentialsToken(cloud, issued.body.clientId, issued.body.clientSecret);
  expect(token).toBeDefined();
  return {
    client: apiClientWithToken(cloud, token as string),
    clientId: issued.body.clientId,
    clientSecret: issued.body.clientSecret,
  };
}

describe('onboarding through the admin API, without a restart', () => {
  it('creates a tenant, a practice, a partner, an agreement and a client; the partner’s referral lands there', async () => {
    expect(
      (await operator.post('/v1/directory/tenants', { tenantId: 'casco-care', name: 'Casco Care' })).status,
    ).toBe(201);
    const created = await operator.post('/v1/directory/practices', practice);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      practiceId: 'practice-portland',
      tin: '010234567',
      status: 'active',
      version: 1,
    });
    expect(
      (
        await operator.post('/v1/directory/partners', {
          partnerId: 'pine-state-health',
          name: 'Pine State Health',
        })
      ).status,
    ).toBe(201);
    const agreement = await operator.post('/v1/directory/agreements', {
      partnerId: 'pine-state-health',
      practiceId: 'practice-portland',
      programs: ['ccm', 'pcm'],
      effectiveFrom: '2026-01-01',
      routing: { default: true },
    });
    expect(agreement.status).toBe(201);
    expect(agreement.body.tenantId).toBe('casco-care');
    await cloud.settle();

    const pine = await partnerClient('pine-state-health');
    const referral = await pine.client.post('/v1/referrals', referralBody());
    expect(referral.status).toBe(201);
    expect(referral.body.practiceId).toBe('practice-portland');
    expect((await pine.client.get(`/v1/referrals/${referral.body.id}`)).status).toBe(200);

    const northwind = await apiClient(cloud, 'northwind-health');
    expect((await northwind.get(`/v1/referrals/${referral.body.id}`)).status).toBe(404);

    expect(
      (
        await operator.post('/v1/directory/partners', {
          partnerId: 'no-network-plan',
          name: 'No Network Plan',
        })
      ).status,
    ).toBe(201);
    const stranded = await partnerClient('no-network-plan');
    const refused = await stranded.client.post('/v1/referrals', referralBody());
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe('https://carelink.dev/problems/no-network-practice');
  });

  it('stops routing to a practice once its agreement has ended', async () => {
    await operator.post('/v1/directory/partners', { partnerId: 'short-term-plan', name: 'Short Term Plan' });
    const { body: agreement } = await operator.post('/v1/directory/agreements', {
      partnerId: 'short-term-plan',
      practiceId: 'practice-boston',
      programs: ['ccm'],
      effectiveFrom: '2026-01-01',
      routing: { default: true },
    });
    await cloud.settle();
    const plan = await partnerClient('short-term-plan');
    expect((await plan.client.post('/v1/referrals', referralBody())).status).toBe(201);
    const ended = await operator.patch(
      `/v1/directory/agreements/${agreement.agreementId}`,
      { effectiveTo: '2026-01-31' },
      { 'if-match': `"${agreement.version}"` },
    );
    expect(ended.status).toBe(200);
    await cloud.settle();
    expect((await plan.client.post('/v1/referrals', referralBody())).status).toBe(422);
  });
});

describe('partner clients', () => {
  it('shows a secret once, lists clients without secrets, and a revoked client gets no new token', async () => {
    await operator.post('/v1/directory/partners', { partnerId: 'rotating-plan', name: 'Rotating Plan' });
    const first = await partnerClient('rotating-plan');
    const listed = await operator.get('/v1/directory/partners/rotating-plan/clients');
    expect(listed.body.items.map((c: { clientId: string }) => c.clientId)).toContain(first.clientId);
    expect(JSON.stringify(listed.body)).not.toContain(first.clientSecret);
    expect(
      (await operator.delete(`/v1/directory/partners/rotating-plan/clients/${first.clientId}`)).status,
    ).toBe(204);
    expect((await clientCredentialsToken(cloud, first.clientId, first.clientSecret)).status).toBe(401);
    expect(
      (await operator.delete(`/v1/directory/partners/rotating-plan/clients/${first.clientId}`)).status,
    ).toBe(404);
    expect((await operator.get('/v1/directory/partners/rotating-plan/clients')).body.items).toEqual([]);
  });

  it('revokes every client of a partner made inactive at the token endpoint', async () => {
    const { body: partner } = await operator.post('/v1/directory/partners', {
      partnerId: 'leaving-plan',
      name: 'Leaving Plan',
    });
    const issued = await partnerClient('leaving-plan');
    await operator.patch(
      '/v1/directory/partners/leaving-plan',
      { status: 'inactive' },
      { 'if-match': `"${partner.version}"` },
    );
    expect((await clientCredentialsToken(cloud, issued.clientId, issued.clientSecret)).status).toBe(401);
  });
});

describe('who may administer the directory', () => {
  it('lets a staff admin manage its own tenant’s practices only, and nothing else', async () => {
    const admin = await apiClient(cloud, 'staff-boston-staff-admin');
    const own = await admin.get('/v1/directory/practices?limit=100');
    expect(own.status).toBe(200);
    expect(own.body.items.map((p: { tenantId: string }) => p.tenantId)).toEqual(
      own.body.items.map(() => 'acme-health'),
    );
    expect((await admin.get('/v1/directory/practices/practice-denver')).status).toBe(404);
    expect(
      (
        await admin.post('/v1/directory/practices', {
          ...practice,
          practiceId: 'practice-elsewhere',
          tenantId: 'bluepeak-health',
        })
      ).status,
    ).toBe(404);
    expect((await admin.get('/v1/directory/partners')).status).toBe(403);
    expect((await admin.post('/v1/directory/tenants', { tenantId: 'x-tenant', name: 'X' })).status).toBe(403);
    const boston = await admin.get('/v1/directory/practices/practice-boston');
    const changed = await admin.patch(
      '/v1/directory/practices/practice-boston',
      { callbackNumber: '+16175550111' },
      { 'if-match': boston.headers.get('etag') as string },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.callbackNumber).toBe('+16175550111');
  });

  it('keeps partners out of the directory and the reserved platform id out of tenants', async () => {
    const northwind = await apiClient(cloud, 'northwind-health');
    expect((await northwind.get('/v1/directory/practices')).status).toBe(403);
    const reserved = await operator.post('/v1/directory/tenants', {
      tenantId: 'carelink-platform',
      name: 'Platform',
    });
    expect(reserved.status).toBe(422);
  });

  it('answers 409 to a second tenant with the same id and 422 to a practice with a bad NPI check digit', async () => {
    const again = await operator.post('/v1/directory/tenants', {
      tenantId: 'acme-health',
      name: 'Acme again',
    });
    expect(again.status).toBe(409);
    expect(again.body.existing).toBe('/v1/directory/tenants/acme-health');
    const badNpi = await operator.post('/v1/directory/practices', {
      ...practice,
      practiceId: 'practice-bad',
      npi: '1456789010',
    });
    expect(badNpi.status).toBe(422);
    expect(badNpi.body.errors.map((e: { path: string }) => e.path)).toContain('npi');
  });
});
