import { EligibilityDeterminedV1 } from '@carelink/contracts';
import { assessmentExample } from '@carelink/contracts/api/care-planning';
import type { LocalCloud } from '@carelink/local/cloud';
import { type ApiClient, apiClient, integrationAs } from '@carelink/local/testing/api-client';
import { startTestCloud } from '@carelink/local/testing/local-cloud-fixture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarePlan } from '../domain/care-plan';
import { carePlanningManifest } from '../manifest';
import { validateFhirCarePlan } from '../testing/fhir-validator/validate';
import { completePlan } from '../testing/fixtures';
import { caseIdFor, determination, publish, published, ulid } from '../testing/support';

let cloud: LocalCloud;
let careManager: ApiClient;
let admin: ApiClient;
let denver: ApiClient;

beforeAll(async () => {
  cloud = await startTestCloud([carePlanningManifest]);
  careManager = await apiClient(cloud, 'staff-boston-care-manager');
  admin = await apiClient(cloud, 'staff-boston-staff-admin');
  denver = await apiClient(cloud, 'staff-denver-care-manager');
});
afterAll(async () => {
  await cloud?.stop();
});

/** Opens a Boston CCM case through an EligibilityDetermined event and returns its id. */
async function openBostonCase(): Promise<string> {
  const data = determination();
  await publish(cloud, EligibilityDeterminedV1, data);
  return caseIdFor(cloud, data.referralId);
}

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

async function establishedCase(): Promise<string> {
  const caseId = await openBostonCase();
  expect((await careManager.put(`/v1/cases/${caseId}/assessment`, assessmentExample)).status).toBe(200);
  const res = await careManager.put(`/v1/cases/${caseId}/care-plan`, completePlan(), ifMatch(0));
  expect(res.status).toBe(200);
  return caseId;
}

describe('from eligibility to an established care plan', () => {
  it('opens a case for an eligible referral, assigns the seeded care manager and publishes CaseOpened', async () => {
    const data = determination();
    await publish(cloud, EligibilityDeterminedV1, data, { occurredAt: '2026-10-01T14:00:00.000Z' });
    const [opened] = published(cloud, 'CaseOpened', { referralId: data.referralId });
    expect(opened?.data).toMatchObject({
      patientId: data.patientId,
      practiceId: 'practice-boston',
      program: 'ccm',
      primaryStaffId: 'staff-boston-care-manager',
      identifiedAt: '2026-10-01T14:00:00Z',
      timeZone: 'America/New_York',
    });
    const caseId = opened?.data.caseId as string;
    const mine = await careManager.get('/v1/cases?assignee=me&status=open');
    expect(mine.body.items.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    // Without a filter the list is the caller's own, and the answer says so.
    expect((await careManager.get('/v1/cases')).body.filter).toEqual({ assignee: 'me' });
    const detail = await careManager.get(`/v1/cases/${caseId}`);
    expect(detail.body).toMatchObject({
      status: 'open',
      planVersion: 0,
      identifiedAt: '2026-10-01',
      assessment: { beginBy: '2026-10-31', completeBy: '2026-11-30', missingSections: [] },
    });
    expect(detail.body.careTeam).toEqual([
      expect.objectContaining({ role: 'primary', staffId: 'staff-boston-care-manager' }),
    ]);
  });

  it('opens one case per referral however often and whatever the determination says later', async () => {
    const data = determination();
    const eventId = await publish(cloud, EligibilityDeterminedV1, data);
    await publish(cloud, EligibilityDeterminedV1, data, { eventId });
    await publish(cloud, EligibilityDeterminedV1, { ...data, determinationVersion: 2 });
    await publish(cloud, EligibilityDeterminedV1, {
      ...data,
      determinationVersion: 3,
      programs: [{ program: 'ccm', status: 'ineligible', reasons: ['NO_CHRONIC_CONDITIONS'] }],
    });
    expect(published(cloud, 'CaseOpened', { referralId: data.referralId })).toHaveLength(1);
    const caseId = caseIdFor(cloud, data.referralId);
    expect((await careManager.get(`/v1/cases/${caseId}`)).body.status).toBe('open');
  });

  it('establishes a complete plan after the assessment and publishes CarePlanEstablished with intervention facts', async () => {
    const caseId = await openBostonCase();
    const assessment = await careManager.put(`/v1/cases/${caseId}/assessment`, assessmentExample);
    expect(assessment.status).toBe(200);
    expect(assessment.body.completedAt).toBeDefined();
    await cloud.settle();
    expect(published(cloud, 'AssessmentCompleted', { caseId }).map((e) => e.data)).toEqual([
      expect.objectContaining({
        assessmentId: assessment.body.assessmentId,
        completedAt: assessment.body.completedAt,
        completedBy: 'staff-boston-care-manager',
      }),
    ]);
    const res = await careManager.put(`/v1/cases/${caseId}/care-plan`, completePlan(), ifMatch(0));
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toMatchObject({ state: 'established', version: 1, missingElements: [] });
    await cloud.settle();
    const [established] = published(cloud, 'CarePlanEstablished', { caseId });
    expect(established?.data).toMatchObject({
      version: 1,
      program: 'ccm',
      practiceId: 'practice-boston',
      reviewDate: '2026-04-20',
      interventions: [
        { interventionId: 'i-a1c', kind: 'screening', responsible: 'primary', cadence: 'quarterly' },
        { interventionId: 'i-meal', kind: 'education', responsible: 'nutrition', cadence: 'once' },
        {
          interventionId: 'i-refill',
          kind: 'medication-refill',
          responsible: 'pharmacy',
          cadence: 'monthly',
        },
      ],
    });
    expect(JSON.stringify(established)).not.toContain('HbA1c test');
    const detail = await careManager.get(`/v1/cases/${caseId}`);
    expect(detail.body).toMatchObject({ status: 'active', planVersion: 1 });
    expect(detail.body.assessment.completedAt).toBeDefined();
  });

  it('refuses to establish a plan missing required CMS elements and lists every one', async () => {
    const caseId = await openBostonCase();
    const { prognosis: _p, reviewDate: _r, ...plan } = completePlan();
    const res = await careManager.put(
      `/v1/cases/${caseId}/care-plan`,
      { ...plan, coordination: undefined },
      ifMatch(0),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { path: 'prognosis', code: 'missing-element' },
      { path: 'coordination', code: 'missing-element' },
      { path: 'periodic-review', code: 'missing-element' },
    ]);
    expect(published(cloud, 'CarePlanEstablished', { caseId })).toHaveLength(0);
    expect((await careManager.get(`/v1/cases/${caseId}/care-plan`)).status).toBe(404);
  });

  it('answers 412 to a stale If-Match and 428 without one', async () => {
    const caseId = await establishedCase();
    const plan = completePlan();
    const revised = { ...plan, prognosis: 'Fair' };
    expect((await careManager.put(`/v1/cases/${caseId}/care-plan`, revised, ifMatch(1))).status).toBe(200);
    const stale = await careManager.put(
      `/v1/cases/${caseId}/care-plan`,
      { ...plan, prognosis: 'Poor' },
      ifMatch(1),
    );
    expect(stale.status).toBe(412);
    expect((await careManager.put(`/v1/cases/${caseId}/care-plan`, plan, ifMatch(0))).status).toBe(412);
    expect((await careManager.put(`/v1/cases/${caseId}/care-plan`, plan)).status).toBe(428);
  });

  it('keeps every version retrievable and flags substantial revisions', async () => {
    const caseId = await establishedCase();
    const v1 = completePlan();
    const v2: CarePlan = {
      ...v1,
      goals: v1.goals.map((g) =>
        g.id === 'g-a1c'
          ? {
              ...g,
              description: 'Keep HbA1c below 7.5%',
              measures: g.measures.map((m) => ({ ...m, value: 7.5 })),
            }
          : g,
      ),
    };
    const res = await careManager.put(`/v1/cases/${caseId}/care-plan`, v2, ifMatch(1));
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    const v3: CarePlan = { ...v2, reviewDate: '2026-05-01' };
    expect((await careManager.put(`/v1/cases/${caseId}/care-plan`, v3, ifMatch(2))).status).toBe(200);
    await cloud.settle();
    expect(
      published(cloud, 'CarePlanRevised', { caseId }).map((e) => [
        e.data.version,
        e.data.substantial,
        e.data.changedSections,
      ]),
    ).toEqual([
      [2, true, ['goals']],
      [3, false, ['reviewDate']],
    ]);

    const versions = await careManager.get(`/v1/cases/${caseId}/care-plan/versions`);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([1, 2, 3]);
    const first = await careManager.get(`/v1/cases/${caseId}/care-plan/versions/1`);
    expect(first.status).toBe(200);
    expect(first.body.plan).toEqual(v1);
    const second = await careManager.get(`/v1/cases/${caseId}/care-plan/versions/2`);
    expect(second.body.plan.goals[0].description).toBe('Keep HbA1c below 7.5%');
    expect((await careManager.get(`/v1/cases/${caseId}/care-plan/versions/4`)).status).toBe(404);
  });

  it('lets a secondary change only their own service and refuses the rest with the fields listed', async () => {
    const caseId = await establishedCase();
    const added = await admin.post(`/v1/cases/${caseId}/care-team`, {
      action: 'add-secondary',
      staffId: 'staff-boston-pharm-1',
      service: 'pharmacy',
    });
    expect(added.status).toBe(200);
    await cloud.settle();
    expect(published(cloud, 'CareTeamChanged', { caseId })[0]?.data).toMatchObject({
      change: 'secondary-added',
      staffId: 'staff-boston-pharm-1',
      service: 'pharmacy',
    });
    const pharmacist = await integrationAs(cloud, 'staff-boston-care-manager', 'staff-boston-pharm-1');
    const plan = completePlan();

    const othersGoal: CarePlan = {
      ...plan,
      goals: plan.goals.map((g) => (g.id === 'g-a1c' ? { ...g, description: 'Changed by pharmacy' } : g)),
    };
    const refused = await pharmacist.put(`/v1/cases/${caseId}/care-plan`, othersGoal, ifMatch(1));
    expect(refused.status).toBe(403);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual([
      expect.stringContaining('g-a1c'),
    ]);
    expect(JSON.stringify(refused.body)).not.toContain('Changed by pharmacy');

    const ownIntervention: CarePlan = {
      ...plan,
      interventions: plan.interventions.map((i) =>
        i.id === 'i-refill' ? { ...i, cadence: { every: 2, unit: 'week' } } : i,
      ),
    };
    const allowed = await pharmacist.put(`/v1/cases/${caseId}/care-plan`, ownIntervention, ifMatch(1));
    expect(allowed.status).toBe(200);
    expect(allowed.body.version).toBe(2);

    const outsider = await integrationAs(cloud, 'staff-boston-care-manager', 'staff-boston-cm-2');
    expect((await outsider.put(`/v1/cases/${caseId}/care-plan`, plan, ifMatch(2))).status).toBe(403);
  });

  it('exports the plan as a FHIR R4 CarePlan that passes the structural validator', async () => {
    const caseId = await establishedCase();
    const res = await careManager.get(`/v1/cases/${caseId}/care-plan?format=fhir`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/fhir+json');
    const fhir = JSON.parse(typeof res.body === 'string' ? res.body : JSON.stringify(res.body));
    expect(fhir.resourceType).toBe('CarePlan');
    expect(fhir.contained.map((r: { resourceType: string }) => r.resourceType)).toEqual(
      expect.arrayContaining(['Goal', 'Condition', 'CareTeam']),
    );
    expect(validateFhirCarePlan(fhir)).toEqual([]);
  });

  it('prints a patient copy as HTML', async () => {
    const caseId = await establishedCase();
    const res = await careManager.get(`/v1/cases/${caseId}/care-plan?format=patient-copy`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.body).toMatch(/^<!doctype html>/);
    expect(res.body).toContain('Back Bay Primary Care');
    expect(res.body).toContain('Keep HbA1c below 8%');
  });

  it('starts a draft from templates that cannot be established until completed', async () => {
    const caseId = await openBostonCase();
    const draft = await careManager.post(`/v1/cases/${caseId}/care-plan/from-template`, {
      conditions: ['diabetes', 'hypertension'],
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ state: 'draft', version: 0 });
    expect(draft.body.missingElements).toEqual(
      expect.arrayContaining(['expected-outcome', 'prognosis', 'periodic-review']),
    );
    const read = await careManager.get(`/v1/cases/${caseId}/care-plan`);
    expect(read.body.plan.problems.map((p: { icd10: string }) => p.icd10)).toEqual(['E11.9', 'I10']);
    const attempt = await careManager.put(`/v1/cases/${caseId}/care-plan`, draft.body.plan, ifMatch(0));
    expect(attempt.status).toBe(422);
  });

  it('closes a case, publishes CaseClosed and hands the capacity back', async () => {
    const caseId = await openBostonCase();
    const before = await admin.get('/v1/roster/staff');
    const count = (body: { items: { staffId: string; activeCases: number }[] }) =>
      body.items.find((s) => s.staffId === 'staff-boston-care-manager')?.activeCases;
    const res = await careManager.post(`/v1/cases/${caseId}/close`, { reason: 'goals-met' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'closed', closeReason: 'goals-met' });
    await cloud.settle();
    expect(published(cloud, 'CaseClosed', { caseId })[0]?.data).toMatchObject({
      reason: 'goals-met',
      program: 'ccm',
    });
    expect(count((await admin.get('/v1/roster/staff')).body)).toBe((count(before.body) ?? 0) - 1);
    expect((await careManager.post(`/v1/cases/${caseId}/close`, { reason: 'declined' })).status).toBe(409);
  });
});

describe('practice isolation', () => {
  it('answers 404 to staff of another practice, for reads and writes', async () => {
    const caseId = await establishedCase();
    expect((await denver.get(`/v1/cases/${caseId}`)).status).toBe(404);
    expect((await denver.get(`/v1/cases/${caseId}/care-plan`)).status).toBe(404);
    expect((await denver.get(`/v1/cases/${caseId}/care-plan/versions/1`)).status).toBe(404);
    expect((await denver.put(`/v1/cases/${caseId}/care-plan`, completePlan(), ifMatch(1))).status).toBe(404);
    expect((await denver.put(`/v1/cases/${caseId}/assessment`, assessmentExample)).status).toBe(404);
    expect((await denver.post(`/v1/cases/${caseId}/close`, { reason: 'declined' })).status).toBe(404);
    const listed = await denver.get('/v1/cases?assignee=staff-boston-care-manager');
    expect(listed.body.items).toEqual([]);
  });

  it('ignores a determination naming a practice of another tenant', async () => {
    const data = determination({ practiceId: 'practice-denver' });
    await publish(cloud, EligibilityDeterminedV1, data, { tenantId: 'acme-health' });
    expect(published(cloud, 'CaseOpened', { referralId: data.referralId })).toHaveLength(0);
    expect(ulid()).toBeDefined();
  });
});
