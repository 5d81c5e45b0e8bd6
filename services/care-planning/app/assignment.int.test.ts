import { EligibilityDeterminedV1 } from '@carelink/contracts';
import type { LocalCloud } from '@carelink/local/cloud';
import { type ApiClient, apiClient } from '@carelink/local/testing/api-client';
import { startTestCloud } from '@carelink/local/testing/local-cloud-fixture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterFor } from '../local-seed';
import { carePlanningManifest } from '../manifest';
import { determination, publish, published } from '../testing/support';

let cloud: LocalCloud;
let admin: ApiClient;
let denverAdmin: ApiClient;
let careManager: ApiClient;

beforeAll(async () => {
  cloud = await startTestCloud([carePlanningManifest]);
  admin = await apiClient(cloud, 'staff-boston-staff-admin');
  denverAdmin = await apiClient(cloud, 'staff-denver-staff-admin');
  careManager = await apiClient(cloud, 'staff-boston-care-manager');
});
afterAll(async () => {
  await cloud?.stop();
});

interface Staff {
  staffId: string;
  capacity: number;
  activeCases: number;
}

const denver = (overrides = {}) =>
  determination({ practiceId: 'practice-denver', timeZone: 'America/Denver', ...overrides });

async function openDenver(overrides = {}): Promise<{ referralId: string; primary?: string }> {
  const data = denver(overrides);
  await publish(cloud, EligibilityDeterminedV1, data, { tenantId: 'bluepeak-health' });
  const [opened] = published(cloud, 'CaseOpened', { referralId: data.referralId });
  return {
    referralId: data.referralId,
    ...(opened ? { primary: opened.data.primaryStaffId as string } : {}),
  };
}

async function setCapacity(staffId: string, capacity: number): Promise<void> {
  const profile = rosterFor('denver').find((s) => s.staffId === staffId);
  if (!profile) throw new Error('unknown staff');
  const { staffId: _id, ...body } = profile;
  const res = await denverAdmin.put(`/v1/roster/staff/${staffId}`, { ...body, capacity, active: true });
  expect(res.status).toBe(200);
}

async function denverRoster(): Promise<Staff[]> {
  return (await denverAdmin.get('/v1/roster/staff')).body.items;
}

describe('roster', () => {
  it('is seeded for each practice through the API and lists only the caller’s practice', async () => {
    const boston = (await admin.get('/v1/roster/staff')).body.items.map((s: Staff) => s.staffId);
    expect(boston).toEqual(expect.arrayContaining(rosterFor('boston').map((s) => s.staffId)));
    expect(boston.some((id: string) => id.includes('denver'))).toBe(false);
  });

  it('keeps the active case count when a profile is updated, and never takes it from the body', async () => {
    const res = await admin.put('/v1/roster/staff/staff-boston-temp', {
      role: 'care-manager',
      services: [],
      skills: ['ccm'],
      languages: ['en'],
      capacity: 5,
      active: false,
      activeCases: 3,
    });
    expect(res.status).toBe(422);
    const ok = await admin.put('/v1/roster/staff/staff-boston-temp', {
      role: 'care-manager',
      services: [],
      skills: ['ccm'],
      languages: ['en'],
      capacity: 5,
      active: false,
    });
    expect(ok.body).toMatchObject({
      staffId: 'staff-boston-temp',
      practiceId: 'practice-boston',
      activeCases: 0,
    });
  });

  it('is managed by staff admins only', async () => {
    expect((await careManager.get('/v1/roster/staff')).status).toBe(403);
    const partner = await apiClient(cloud, 'northwind-health');
    expect((await partner.get('/v1/roster/staff')).status).toBe(403);
  });
});

describe('assignment', () => {
  it('gives a Spanish-speaking patient the Spanish-speaking care manager', async () => {
    const { primary } = await openDenver({ preferredLanguage: 'es' });
    expect(primary).toBe('staff-denver-cm-es');
  });

  it('gives the default English CCM case to the seeded care manager and counts it against capacity', async () => {
    const before =
      (await denverRoster()).find((s) => s.staffId === 'staff-denver-care-manager')?.activeCases ?? 0;
    const { primary } = await openDenver();
    expect(primary).toBe('staff-denver-care-manager');
    const after = (await denverRoster()).find((s) => s.staffId === 'staff-denver-care-manager')?.activeCases;
    expect(after).toBe(before + 1);
  });

  it('passes over a care manager at capacity', async () => {
    const current = (await denverRoster()).find((s) => s.staffId === 'staff-denver-care-manager');
    await setCapacity('staff-denver-care-manager', current?.activeCases ?? 0);
    const { primary } = await openDenver({ preferredLanguage: 'en' });
    expect(primary).toBeDefined();
    expect(primary).not.toBe('staff-denver-care-manager');
    await setCapacity('staff-denver-care-manager', 40);
  });

  it('keeps a case unassigned in the worklist when nobody has capacity, then opens it on assignment', async () => {
    const careManagers = rosterFor('denver').filter((s) => s.role === 'care-manager');
    const counts = new Map((await denverRoster()).map((s) => [s.staffId, s.activeCases]));
    for (const s of careManagers) await setCapacity(s.staffId, counts.get(s.staffId) ?? 0);

    const { referralId, primary } = await openDenver();
    expect(primary).toBeUndefined();
    const worklist = await denverAdmin.get('/v1/cases?assignee=unassigned');
    const waiting = worklist.body.items.find((c: { referralId: string }) => c.referralId === referralId);
    expect(waiting).toMatchObject({ status: 'unassigned', unassignedReason: 'no-spare-capacity' });

    const refused = await denverAdmin.post(`/v1/cases/${waiting.caseId}/care-team`, {
      action: 'reassign-primary',
      staffId: 'staff-denver-cm-2',
    });
    expect(refused.status).toBe(409);

    await setCapacity('staff-denver-cm-2', (counts.get('staff-denver-cm-2') ?? 0) + 1);
    const assigned = await denverAdmin.post(`/v1/cases/${waiting.caseId}/care-team`, {
      action: 'reassign-primary',
      staffId: 'staff-denver-cm-2',
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'open', primaryStaffId: 'staff-denver-cm-2' });
    await cloud.settle();
    expect(published(cloud, 'CaseOpened', { referralId })[0]?.data.primaryStaffId).toBe('staff-denver-cm-2');
    for (const s of careManagers) await setCapacity(s.staffId, s.capacity);
  });

  it('opens a TCM case with its discharge date when TCM is the only eligible program', async () => {
    const { referralId } = await openDenver({
      programs: [
        { program: 'ccm', status: 'ineligible', reasons: ['NO_CHRONIC_CONDITIONS'] },
        {
          program: 'tcm',
          status: 'eligible',
          reasons: ['DISCHARGED_RECENTLY'],
          tcm: {
            dischargeDate: '2026-10-02',
            interactiveContactDue: '2026-10-06',
            faceToFaceDueHighComplexity: '2026-10-09',
            faceToFaceDueModerateComplexity: '2026-10-16',
          },
        },
      ],
    });
    expect(published(cloud, 'CaseOpened', { referralId })[0]?.data).toMatchObject({
      program: 'tcm',
      dischargeDate: '2026-10-02',
      timeZone: 'America/Denver',
    });
  });

  it('reassigns the primary, moving the capacity, and refuses staff who are not care managers', async () => {
    const data = determination();
    await publish(cloud, EligibilityDeterminedV1, data);
    const [opened] = published(cloud, 'CaseOpened', { referralId: data.referralId });
    const caseId = opened?.data.caseId as string;
    const notCm = await admin.post(`/v1/cases/${caseId}/care-team`, {
      action: 'reassign-primary',
      staffId: 'staff-boston-bh-1',
    });
    expect(notCm.status).toBe(422);
    const res = await careManager.post(`/v1/cases/${caseId}/care-team`, {
      action: 'reassign-primary',
      staffId: 'staff-boston-cm-2',
    });
    expect(res.status).toBe(200);
    await cloud.settle();
    expect(published(cloud, 'CareTeamChanged', { caseId })[0]?.data).toMatchObject({
      change: 'primary-reassigned',
      staffId: 'staff-boston-cm-2',
      previousStaffId: 'staff-boston-care-manager',
    });
    // No longer the primary: the former primary may not change the team any more.
    const again = await careManager.post(`/v1/cases/${caseId}/care-team`, {
      action: 'reassign-primary',
      staffId: 'staff-boston-care-manager',
    });
    expect(again.status).toBe(403);
  });
});
