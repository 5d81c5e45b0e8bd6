import { CarePlanEstablishedV1, CaseClosedV1, CaseOpenedV1, type EventContract } from '@carelink/contracts';
import type { LocalCloud } from '@carelink/local/cloud';
import { type ApiClient, apiClient } from '@carelink/local/testing/api-client';
import { publishContractEvent } from '@carelink/local/testing/bus';
import { startTestCloud } from '@carelink/local/testing/local-cloud-fixture';
import { monotonicFactory } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { outreachManifest } from '../manifest';

const ulid = monotonicFactory();
let cloud: LocalCloud;
let primary: ApiClient;
let clinical: ApiClient;
let denver: ApiClient;

beforeAll(async () => {
  cloud = await startTestCloud([outreachManifest]);
  primary = await apiClient(cloud, 'staff-boston-care-manager');
  clinical = await apiClient(cloud, 'staff-boston-clinical-staff');
  denver = await apiClient(cloud, 'staff-denver-care-manager');
});
afterAll(async () => {
  await cloud?.stop();
});

const publish = <C extends EventContract>(contract: C, data: z.input<C['data']>) =>
  publishContractEvent(cloud, contract, data, { tenantId: 'acme-health' });

async function openCase() {
  const patientId = ulid();
  const caseId = ulid();
  await publish(CaseOpenedV1, {
    caseId,
    patientId,
    referralId: ulid(),
    practiceId: 'practice-boston',
    program: 'ccm',
    primaryStaffId: 'staff-boston-care-manager',
    identifiedAt: new Date(Date.now() - 3 * 24 * 3600_000).toISOString(),
    timeZone: 'America/New_York',
  });
  return { patientId, caseId };
}

interface Notification {
  at: string;
  channel: string;
  to: string;
  subject: string;
  patientId?: string;
}
async function notificationsFor(patientId: string): Promise<Notification[]> {
  const res = await fetch(`${cloud.apiUrl}/local/notifications`);
  const { items } = (await res.json()) as { items: Notification[] };
  return items.filter((item) => item.patientId === patientId);
}

async function urgentFlag() {
  const { patientId, caseId } = await openCase();
  const screening = await clinical.post(`/v1/patients/${patientId}/screenings`, {
    instrument: 'phq-9',
    answers: [1, 1, 0, 1, 0, 1, 0, 0, 2],
  });
  expect(screening.status, JSON.stringify(screening.body)).toBe(201);
  await cloud.settle();
  const flags = await primary.get(`/v1/patients/${patientId}/risk-flags?status=open`);
  const flag = flags.body.items.find((f: { kind: string }) => f.kind === 'self-harm-risk');
  return { patientId, caseId, flagId: flag.flagId as string, flag };
}

const onWorklist = async (id: string) =>
  ((await primary.get('/v1/worklist')).body.items as { id: string }[]).some((item) => item.id === id);

describe('risk flags: open → acknowledged → resolved, with on-call paging', () => {
  it('a PHQ-9 item 9 answer raises one urgent flag, pages on-call at once, and leaves the worklist once resolved', async () => {
    const { patientId, flagId, flag } = await urgentFlag();
    expect(flag).toMatchObject({ severity: 'urgent', status: 'open', code: 'PHQ9_ITEM9_POSITIVE' });
    expect(await onWorklist(flagId)).toBe(true);

    const pages = await notificationsFor(patientId);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({
      to: 'staff-boston-care-manager',
      channel: expect.stringMatching(/on-call$/),
    });
    expect(pages[0]?.subject).toBe('Urgent risk flag: PHQ9_ITEM9_POSITIVE');

    const acknowledged = await primary.post(`/v1/patients/${patientId}/risk-flags/${flagId}/acknowledge`, {});
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.status).toBe('acknowledged');
    expect(acknowledged.body.acknowledged.by).toBe('staff-boston-care-manager');
    const again = await primary.post(`/v1/patients/${patientId}/risk-flags/${flagId}/acknowledge`, {});
    expect(again.status).toBe(409);
    const worklist = (await primary.get('/v1/worklist')).body.items as {
      id: string;
      detail: { status?: string };
    }[];
    expect(worklist.find((item) => item.id === flagId)?.detail.status).toBe('acknowledged');

    const resolved = await primary.post(`/v1/patients/${patientId}/risk-flags/${flagId}/resolve`, {
      resolution: 'clinically-addressed',
      note: 'Safety plan reviewed',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.resolved).toMatchObject({
      by: 'staff-boston-care-manager',
      resolution: 'clinically-addressed',
    });
    const twice = await primary.post(`/v1/patients/${patientId}/risk-flags/${flagId}/resolve`, {
      resolution: 'clinically-addressed',
    });
    expect(twice.status).toBe(409);
    expect(twice.headers.get('content-type')).toContain('application/problem+json');
    expect(await onWorklist(flagId)).toBe(false);

    await cloud.settle();
    const published = cloud.bus
      .events()
      .filter((e) => e['detail-type'] === 'RiskFlagResolved')
      .map((e) => (e.detail as { data: Record<string, unknown> }).data)
      .filter((data) => data.flagId === flagId);
    expect(published).toEqual([
      expect.objectContaining({
        resolution: 'clinically-addressed',
        resolvedBy: 'staff-boston-care-manager',
      }),
    ]);
    expect(JSON.stringify(published)).not.toContain('Safety plan');

    const listed = await primary.get(`/v1/patients/${patientId}/risk-flags?status=resolved`);
    expect(listed.body.items.map((f: { flagId: string }) => f.flagId)).toContain(flagId);
    expect((await primary.get(`/v1/patients/${patientId}/risk-flags?status=open`)).body.items).toEqual([]);
  });

  it('an urgent flag nobody acknowledges pages the next on-call person after 30 minutes, and stops once acknowledged', async () => {
    const { patientId, flagId } = await urgentFlag();
    const first = (await notificationsFor(patientId))[0] as Notification;
    await cloud.scheduler.runNow('repage-on-call', new Date(Date.parse(first.at) + 10 * 60_000));
    expect(await notificationsFor(patientId)).toHaveLength(1);
    await cloud.scheduler.runNow('repage-on-call', new Date(Date.parse(first.at) + 31 * 60_000));
    const pages = await notificationsFor(patientId);
    expect(pages.map((page) => page.to)).toEqual([
      'staff-boston-care-manager',
      'staff-boston-billing-practitioner',
    ]);
    expect(pages[1]?.subject).toContain('page 2');

    expect(
      (await primary.post(`/v1/patients/${patientId}/risk-flags/${flagId}/acknowledge`, {})).status,
    ).toBe(200);
    await cloud.scheduler.runNow('repage-on-call', new Date(Date.parse(first.at) + 65 * 60_000));
    expect(await notificationsFor(patientId)).toHaveLength(2);
  });

  it('another practice’s flag is a 404, and an unknown flag too', async () => {
    const { patientId, flagId } = await urgentFlag();
    expect((await denver.post(`/v1/patients/${patientId}/risk-flags/${flagId}/acknowledge`, {})).status).toBe(
      404,
    );
    expect((await denver.get(`/v1/patients/${patientId}/risk-flags`)).status).toBe(404);
    expect(
      (await primary.post(`/v1/patients/${patientId}/risk-flags/${ulid()}/acknowledge`, {})).status,
    ).toBe(404);
    const bad = await primary.post(`/v1/patients/${patientId}/risk-flags/${flagId}/resolve`, {
      resolution: 'whatever',
    });
    expect(bad.status).toBe(422);
  });
});

describe('escalations', () => {
  it('three failed attempts escalate; the escalation is acknowledged, resolved once, and leaves the worklist', async () => {
    const { patientId } = await openCase();
    for (const outcome of ['no-answer', 'voicemail', 'no-answer'])
      await primary.post(`/v1/patients/${patientId}/contact-attempts`, { channel: 'phone', outcome });
    const listed = await primary.get(`/v1/patients/${patientId}/escalations`);
    expect(listed.body.items).toHaveLength(1);
    const escalation = listed.body.items[0];
    expect(escalation).toMatchObject({ status: 'open', failedAttempts: 3, reason: 'unreachable' });
    const id = encodeURIComponent(escalation.escalationId);
    expect(await onWorklist(escalation.escalationId)).toBe(true);

    const resolved = await primary.post(`/v1/patients/${patientId}/escalations/${id}/resolve`, {
      resolution: 'patient-reached',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.acknowledged.by).toBe('staff-boston-care-manager');
    expect((await primary.post(`/v1/patients/${patientId}/escalations/${id}/acknowledge`, {})).status).toBe(
      409,
    );
    expect(
      (
        await primary.post(`/v1/patients/${patientId}/escalations/${id}/resolve`, {
          resolution: 'patient-reached',
        })
      ).status,
    ).toBe(409);
    expect(await onWorklist(escalation.escalationId)).toBe(false);
  });
});

describe('outreach tasks are finished by people', () => {
  it('completes an intervention task with an outcome, refuses a second finish, and cancels another', async () => {
    const { patientId, caseId } = await openCase();
    await publish(CarePlanEstablishedV1, {
      carePlanId: ulid(),
      caseId,
      patientId,
      practiceId: 'practice-boston',
      program: 'ccm',
      reviewDate: '2027-06-01',
      version: 1,
      establishedAt: new Date().toISOString(),
      interventions: [
        { interventionId: 'refill-1', kind: 'medication-refill', responsible: 'primary', cadence: 'monthly' },
      ],
    });
    const tasks = (await primary.get(`/v1/patients/${patientId}/tasks?status=open`)).body.items as {
      taskId: string;
      source: string;
    }[];
    const refill = tasks.find((t) => t.source === 'intervention/refill-1') as { taskId: string };
    const contact = tasks.find((t) => t.source === 'monthly-contact') as { taskId: string };
    const path = (id: string) => `/v1/patients/${patientId}/tasks/${encodeURIComponent(id)}`;

    const done = await primary.post(`${path(refill.taskId)}/complete`, { outcome: 'refill-requested' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({
      status: 'done',
      closed: { by: 'staff-boston-care-manager', outcome: 'refill-requested' },
    });
    expect((await primary.post(`${path(refill.taskId)}/complete`, { outcome: 'done' })).status).toBe(409);
    expect((await primary.post(`${path(refill.taskId)}/cancel`, { reason: 'duplicate' })).status).toBe(409);

    const cancelled = await primary.post(`${path(contact.taskId)}/cancel`, { reason: 'handled-elsewhere' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', closed: { reason: 'handled-elsewhere' } });
    expect(await onWorklist(contact.taskId)).toBe(false);

    expect((await primary.post(`${path('task#nope')}/complete`, { outcome: 'done' })).status).toBe(404);
    expect((await denver.post(`${path(refill.taskId)}/complete`, { outcome: 'done' })).status).toBe(404);
  });
});

describe('TCM alongside CCM', () => {
  it('gives a CCM case opened after a discharge the TCM contact task too, and keeps a late contact as late', async () => {
    const patientId = ulid();
    const caseId = ulid();
    const discharged = new Date(Date.now() - 10 * 24 * 3600_000);
    await publish(CaseOpenedV1, {
      caseId,
      patientId,
      referralId: ulid(),
      practiceId: 'practice-boston',
      program: 'ccm',
      primaryStaffId: 'staff-boston-care-manager',
      identifiedAt: discharged.toISOString(),
      timeZone: 'America/New_York',
      dischargeDate: discharged.toISOString().slice(0, 10),
    });
    const tasks = (await primary.get(`/v1/patients/${patientId}/tasks?status=open`)).body.items as {
      kind: string;
    }[];
    expect(tasks.map((t) => t.kind)).toEqual(
      expect.arrayContaining(['monthly-contact', 'tcm-interactive-contact']),
    );

    expect(
      (
        await primary.post(`/v1/patients/${patientId}/contact-attempts`, {
          channel: 'phone',
          outcome: 'reached',
        })
      ).status,
    ).toBe(201);
    const done = (await primary.get(`/v1/patients/${patientId}/tasks?status=done`)).body.items as {
      kind: string;
      closed?: { late?: boolean };
    }[];
    expect(done.find((t) => t.kind === 'tcm-interactive-contact')?.closed).toMatchObject({ late: true });
    expect(done.find((t) => t.kind === 'monthly-contact')?.closed?.late).toBeUndefined();
  });
});

describe('after a case closes', () => {
  it('refuses time spent after the closure and keeps time spent before it', async () => {
    const { patientId, caseId } = await openCase();
    const closedAt = new Date(Date.now() - 2 * 3600_000);
    await publishContractEvent(
      cloud,
      CaseClosedV1,
      {
        caseId,
        patientId,
        referralId: ulid(),
        practiceId: 'practice-boston',
        program: 'ccm',
        reason: 'referral-cancelled',
      },
      { tenantId: 'acme-health', occurredAt: closedAt.toISOString() },
    );
    const entry = (startedAt: Date) =>
      clinical.post(`/v1/patients/${patientId}/time-entries`, {
        program: 'ccm',
        performer: 'clinical-staff',
        practitionerId: 'staff-boston-clinical-staff',
        startedAt: startedAt.toISOString(),
        minutes: 10,
        activity: 'care-coordination',
      });
    const after = await entry(new Date(closedAt.getTime() + 30 * 60_000));
    expect(after.status).toBe(422);
    expect(JSON.stringify(after.body)).toContain('after_case_closed');
    expect((await entry(new Date(closedAt.getTime() - 60 * 60_000))).status).toBe(201);
  });
});
