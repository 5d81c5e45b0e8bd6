import type { LocalCloud } from '@carelink/local/cloud';
import { type ApiClient, apiClient } from '@carelink/local/testing/api-client';
import { startTestCloud } from '@carelink/local/testing/local-cloud-fixture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let cloud: LocalCloud;
let bostonAdmin: ApiClient;

beforeAll(async () => {
  cloud = await startTestCloud([]);
  bostonAdmin = await apiClient(cloud, 'staff-boston-staff-admin');
});
afterAll(async () => {
  await cloud?.stop();
});

const newPerson = (overrides: Record<string, unknown> = {}) => ({
  staffId: `staff-test-${Math.random().toString(36).slice(2, 10)}`,
  tenantId: 'acme-health',
  practiceIds: ['practice-boston', 'practice-cambridge'],
  name: 'Jordan Lee',
  email: `jordan.${Math.random().toString(36).slice(2, 8)}@backbay.example`,
  roles: ['care-manager'],
  credential: 'RN',
  ...overrides,
});

describe('staff in the directory', () => {
  it('adds a person to the admin’s own tenant with a one-time password, and publishes ids and codes only', async () => {
    const body = newPerson();
    const created = await bostonAdmin.post('/v1/directory/staff', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ staffId: body.staffId, status: 'active', version: 1 });
    expect(created.body.invitation.delivery).toBe('response');
    expect(created.body.invitation.temporaryPassword).toMatch(/^.{20}$/);
    const read = await bostonAdmin.get(`/v1/directory/staff/${body.staffId}`);
    expect(read.body).not.toHaveProperty('invitation');
    await cloud.settle();
    const event = cloud.bus
      .events()
      .find(
        (e) => e['detail-type'] === 'StaffMemberChanged' && JSON.stringify(e.detail).includes(body.staffId),
      );
    expect(event).toBeDefined();
    expect(JSON.stringify(event)).not.toContain(body.email);
    expect(JSON.stringify(event)).not.toContain('Jordan');
  });

  it('keeps an admin to its own tenant: another tenant’s person or practice is not theirs', async () => {
    const denverAdmin = await apiClient(cloud, 'staff-denver-staff-admin');
    const body = newPerson();
    await bostonAdmin.post('/v1/directory/staff', body);
    expect((await denverAdmin.get(`/v1/directory/staff/${body.staffId}`)).status).toBe(404);
    expect((await denverAdmin.post(`/v1/directory/staff/${body.staffId}/disable`)).status).toBe(404);
    expect((await denverAdmin.post('/v1/directory/staff', newPerson())).status).toBe(404);
    const elsewhere = await bostonAdmin.post(
      '/v1/directory/staff',
      newPerson({ practiceIds: ['practice-denver'] }),
    );
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.errors).toEqual([expect.objectContaining({ path: 'practiceIds' })]);
    const listed = await denverAdmin.get('/v1/directory/staff?limit=100');
    expect(listed.body.items.every((p: { tenantId: string }) => p.tenantId === 'bluepeak-health')).toBe(true);
  });

  it('answers 409 to a second person with the same e-mail, and needs an NPI for a billing practitioner', async () => {
    const body = newPerson();
    await bostonAdmin.post('/v1/directory/staff', body);
    const twin = await bostonAdmin.post('/v1/directory/staff', newPerson({ email: body.email }));
    expect(twin.status).toBe(409);
    const noNpi = await bostonAdmin.post(
      '/v1/directory/staff',
      newPerson({ roles: ['billing-practitioner'], credential: 'MD' }),
    );
    expect(noNpi.status).toBe(422);
    expect(noNpi.body.errors.map((e: { path: string }) => e.path)).toContain('npi');
  });

  it('changes roles with If-Match, and disables a person once', async () => {
    const body = newPerson();
    await bostonAdmin.post('/v1/directory/staff', body);
    const stale = await bostonAdmin.patch(
      `/v1/directory/staff/${body.staffId}`,
      { roles: ['clinical-staff'] },
      { 'if-match': '"9"' },
    );
    expect(stale.status).toBe(412);
    const changed = await bostonAdmin.patch(
      `/v1/directory/staff/${body.staffId}`,
      { roles: ['clinical-staff'] },
      { 'if-match': '"1"' },
    );
    expect(changed.body).toMatchObject({ roles: ['clinical-staff'], version: 2 });
    const disabled = await bostonAdmin.post(`/v1/directory/staff/${body.staffId}/disable`);
    expect(disabled.body).toMatchObject({ status: 'disabled', version: 3 });
    const again = await bostonAdmin.post(`/v1/directory/staff/${body.staffId}/disable`);
    expect(again.body).toMatchObject({ status: 'disabled', version: 3 });
    // The token trigger itself refuses a disabled person, whatever the identity provider still allows.
    const user = { username: body.staffId, sub: 'sub-1', email: body.email };
    await expect(cloud.issuer.signUser(user, cloud.cognito.clientId)).rejects.toThrow();
  });

  it('gives each role its scopes in the token, and refuses a person the directory does not know', async () => {
    const lead = newPerson({ roles: ['billing-lead', 'compliance'], credential: 'non-clinical' });
    await bostonAdmin.post('/v1/directory/staff', lead);
    const { accessToken } = await cloud.issuer.signUser(
      { username: lead.staffId, sub: 'sub-2', email: lead.email },
      cloud.cognito.clientId,
    );
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] as string, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({
      staff_id: lead.staffId,
      roles: 'billing-lead compliance',
      practice_ids: 'practice-boston practice-cambridge',
    });
    expect(claims.scope.split(' ').sort()).toEqual([
      'audit:read',
      'billing:read',
      'billing:write',
      'consent:read',
      'eligibility:read',
    ]);
    await expect(
      cloud.issuer.signUser(
        { username: 'staff-nobody', sub: 'sub-3', email: 'n@x.example' },
        cloud.cognito.clientId,
      ),
    ).rejects.toThrow();
  });
});
