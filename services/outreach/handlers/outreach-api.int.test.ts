import {
  CarePlanEstablishedV1,
  CarePlanRevisedV1,
  CaseClosedV1,
  CaseOpenedV1,
  type EventContract,
} from '@carelink/contracts';
import type { LocalCloud } from '@carelink/local/cloud';
import { type ApiClient, apiClient, integrationAs } from '@carelink/local/testing/api-client';
import { publishContractEvent } from '@carelink/local/testing/bus';
import { startTestCloud } from '@carelink/local/testing/local-cloud-fixture';
import { monotonicFactory } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { outreachManifest } from '../manifest';

const ulid = monotonicFactory();
let cloud: LocalCloud;
let staff: ApiClient;
let clinical: ApiClient;
/** The practice's EHR integration, which records anyone's time and states the performer. */
let integration: ApiClient;
let denver: ApiClient;
const primary = 'staff-boston-care-manager';

beforeAll(async () => {
  cloud = await startTestCloud([outreachManifest]);
  staff = await apiClient(cloud, 'staff-boston-care-manager');
  clinical = await apiClient(cloud, 'staff-boston-clinical-staff');
  integration = await integrationAs(cloud, 'staff-boston-clinical-staff', 'boston-ehr');
  denver = await apiClient(cloud, 'staff-denver-care-manager');
});
afterAll(async () => {
  await cloud?.stop();
});

/** Publishes a contract event as its producer would and waits until it is consumed. */
const publish = <C extends EventContract>(
  contract: C,
  data: z.input<C['data']>,
  eventId?: string,
  tenantId = 'acme-health',
): Promise<string> =>
  publishContractEvent(cloud, contract, data, { tenantId, ...(eventId ? { eventId } : {}) });

/** Opens a CCM case for a new patient of practice-boston through the care-planning events. */
async function openCase(program: 'ccm' | 'tcm' = 'ccm') {
  const patientId = ulid();
  const caseId = ulid();
  await publish(CaseOpenedV1, {
    caseId,
    patientId,
    referralId: ulid(),
    practiceId: 'practice-boston',
    program,
    primaryStaffId: primary,
    identifiedAt: new Date(Date.now() - 3 * 24 * 3600_000).toISOString(),
    timeZone: 'America/New_York',
  });
  return { patientId, caseId };
}

function outreachEvents(type: string) {
  return cloud.bus
    .events()
    .filter((e) => e.source === 'carelink.outreach' && e['detail-type'] === type)
    .map((e) => e.detail as { data: Record<string, unknown> });
}

describe('outreach schedule from care-planning events', () => {
  it('a plan revision adds its new tasks once, and replaying it changes nothing', async () => {
    const { patientId, caseId } = await openCase();
    const carePlanId = ulid();
    const plan = {
      carePlanId,
      caseId,
      patientId,
      practiceId: 'practice-boston',
      program: 'ccm' as const,
      reviewDate: '2027-01-05',
    };
    await publish(CarePlanEstablishedV1, {
      ...plan,
      version: 1,
      establishedAt: new Date().toISOString(),
      interventions: [
        { interventionId: 'edu-1', kind: 'education', responsible: 'primary', cadence: 'monthly' },
      ],
    });
    const before = (await staff.get(`/v1/patients/${patientId}/tasks`)).body.items as { source: string }[];
    expect(before.filter((t) => t.source === 'monthly-contact')).toHaveLength(2);
    expect(before.filter((t) => t.source === 'intervention/edu-1')).toHaveLength(2);

    const revised = {
      ...plan,
      version: 2,
      revisedAt: new Date().toISOString(),
      substantial: true,
      interventions: [
        {
          interventionId: 'edu-1',
          kind: 'education' as const,
          responsible: 'primary' as const,
          cadence: 'monthly' as const,
        },
        {
          interventionId: 'refill-1',
          kind: 'medication-refill' as const,
          responsible: 'primary' as const,
          cadence: 'monthly' as const,
        },
      ],
    };
    const eventId = await publish(CarePlanRevisedV1, revised);
    const after = (await staff.get(`/v1/patients/${patientId}/tasks`)).body.items as {
      taskId: string;
      source: string;
    }[];
    expect(after).toHaveLength(before.length + 2);
    expect(after.filter((t) => t.source === 'intervention/refill-1')).toHaveLength(2);

    // The same delivery again, and the same revision under a new event id: nothing new.
    await publish(CarePlanRevisedV1, revised, eventId);
    await publish(CarePlanRevisedV1, revised);
    const replayed = (await staff.get(`/v1/patients/${patientId}/tasks`)).body.items as { taskId: string }[];
    expect(replayed.map((t) => t.taskId).sort()).toEqual(after.map((t) => t.taskId).sort());
    expect(new Set(replayed.map((t) => t.taskId)).size).toBe(replayed.length);
  });

  it('a closed case cancels its open tasks', async () => {
    const { patientId, caseId } = await openCase();
    await publish(CaseClosedV1, {
      caseId,
      patientId,
      referralId: ulid(),
      practiceId: 'practice-boston',
      program: 'ccm',
      reason: 'goals-met',
    });
    const tasks = (await staff.get(`/v1/patients/${patientId}/tasks`)).body.items as { status: string }[];
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.status === 'cancelled')).toBe(true);
  });

  it('staff of another practice get 404 for the patient', async () => {
    const { patientId } = await openCase();
    expect((await denver.get(`/v1/patients/${patientId}/tasks`)).status).toBe(404);
    expect(
      (
        await denver.post(`/v1/patients/${patientId}/contact-attempts`, {
          channel: 'phone',
          outcome: 'reached',
        })
      ).status,
    ).toBe(404);
  });
});

describe('contact attempts', () => {
  it('three failed attempts in a month escalate to the primary once', async () => {
    const { patientId } = await openCase();
    const results = [];
    for (const outcome of ['no-answer', 'voicemail', 'wrong-number', 'no-answer']) {
      const res = await staff.post(`/v1/patients/${patientId}/contact-attempts`, {
        channel: 'phone',
        outcome,
      });
      expect(res.status).toBe(201);
      results.push(res.body.escalated);
    }
    expect(results).toEqual([false, false, true, false]);
    await cloud.settle();
    const flags = outreachEvents('RiskFlagged').filter(
      (e) => e.data.patientId === patientId && e.data.kind === 'contact-failure',
    );
    expect(flags).toHaveLength(1);
    expect(outreachEvents('ContactCompleted').filter((e) => e.data.patientId === patientId)).toHaveLength(4);
    const worklist = await staff.get('/v1/worklist');
    expect(worklist.status, JSON.stringify(worklist.body)).toBe(200);
    const escalations = (worklist.body.items as { kind: string; patientId: string }[]).filter(
      (i) => i.kind === 'escalation' && i.patientId === patientId,
    );
    expect(escalations).toHaveLength(1);
  });
});

describe('time entries', () => {
  const entry = (overrides: Record<string, unknown> = {}) => ({
    program: 'ccm',
    performer: 'clinical-staff',
    practitionerId: `rn-${ulid()}`,
    startedAt: new Date(Date.now() - 5 * 3600_000).toISOString(),
    minutes: 25,
    activity: 'medication-management',
    note: 'Discussed the new inhaler with the daughter',
    ...overrides,
  });

  it('counts a signed-in person’s time as their credential says, and only as their own', async () => {
    const { patientId } = await openCase();
    const own = { practitionerId: 'staff-boston-clinical-staff' };
    const asPhysician = await clinical.post(
      `/v1/patients/${patientId}/time-entries`,
      entry({ ...own, performer: 'physician' }),
    );
    expect(asPhysician.status).toBe(422);
    expect(asPhysician.body.errors).toEqual([
      expect.objectContaining({ path: 'performer', code: 'performer-from-credential' }),
    ]);
    const forSomeoneElse = await clinical.post(`/v1/patients/${patientId}/time-entries`, entry());
    expect(forSomeoneElse.body.errors).toEqual([
      expect.objectContaining({ path: 'practitionerId', code: 'own-time-only' }),
    ]);
    const mine = await clinical.post(`/v1/patients/${patientId}/time-entries`, entry(own));
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({
      performer: 'clinical-staff',
      recordedBy: 'staff-boston-clinical-staff',
    });
  });

  it('rejects an entry that ends in the future with 422', async () => {
    const { patientId } = await openCase();
    const res = await integration.post(
      `/v1/patients/${patientId}/time-entries`,
      entry({ startedAt: new Date(Date.now() - 10 * 60_000).toISOString(), minutes: 30 }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'startedAt', code: 'in_future' }]);
  });

  it('rejects an overlapping entry of the same practitioner with 409 naming the other entry', async () => {
    const { patientId } = await openCase();
    const other = await openCase();
    const first = entry();
    const created = await integration.post(`/v1/patients/${patientId}/time-entries`, first);
    expect(created.status).toBe(201);
    const startedAt = new Date(Date.parse(first.startedAt as string) + 10 * 60_000).toISOString();
    const clash = await integration.post(`/v1/patients/${other.patientId}/time-entries`, {
      ...first,
      startedAt,
    });
    expect(clash.status).toBe(409);
    expect(clash.body.detail).toContain(created.body.timeEntryId);
    // Back to back is not an overlap, and another practitioner may log the same time.
    const adjacent = new Date(Date.parse(first.startedAt as string) + 25 * 60_000).toISOString();
    expect(
      (await integration.post(`/v1/patients/${patientId}/time-entries`, { ...first, startedAt: adjacent }))
        .status,
    ).toBe(201);
    expect(
      (
        await integration.post(`/v1/patients/${patientId}/time-entries`, {
          ...first,
          practitionerId: 'rn-other',
        })
      ).status,
    ).toBe(201);
  });

  it('TimeLogged never carries the note, and a void publishes voided: true', async () => {
    const { patientId } = await openCase();
    const created = await integration.post(`/v1/patients/${patientId}/time-entries`, entry());
    const id = created.body.timeEntryId as string;
    const voided = await integration.post(`/v1/patients/${patientId}/time-entries/${id}/void`, {
      reason: 'duplicate',
    });
    expect(voided.status).toBe(200);
    expect(voided.body.voided).toMatchObject({ reason: 'duplicate', by: 'boston-ehr' });
    expect(
      (await integration.post(`/v1/patients/${patientId}/time-entries/${id}/void`, { reason: 'duplicate' }))
        .status,
    ).toBe(409);
    await cloud.settle();
    const logged = outreachEvents('TimeLogged').filter((e) => e.data.timeEntryId === id);
    expect(logged.map((e) => e.data.voided)).toEqual([false, true]);
    for (const event of logged) {
      expect(JSON.stringify(event)).not.toContain('inhaler');
      expect(event.data).not.toHaveProperty('note');
    }
  });

  it('worklist minutes equal the non-voided CCM clinical-staff minutes of the month in the practice zone', async () => {
    const { patientId } = await openCase();
    const practitionerId = `rn-${ulid()}`;
    // Fix "now" to the middle of a month so every entry below falls in it in New York.
    const now = new Date('2026-10-15T16:00:00Z');
    cloud.setClock(now);
    try {
      const at = (iso: string, minutes: number, overrides: Record<string, unknown> = {}) =>
        integration.post(
          `/v1/patients/${patientId}/time-entries`,
          entry({ practitionerId, startedAt: iso, minutes, ...overrides }),
        );
      await at('2026-10-02T14:00:00Z', 12);
      const voided = await at('2026-10-03T14:00:00Z', 30);
      await at('2026-10-04T14:00:00Z', 9);
      await at('2026-10-05T14:00:00Z', 15, { performer: 'physician' });
      await at('2026-10-06T14:00:00Z', 15, { program: 'rpm' });
      // 03:30Z on October 1st is 23:30 on September 30th in New York: September's time.
      await at('2026-10-01T03:30:00Z', 20);
      await integration.post(`/v1/patients/${patientId}/time-entries/${voided.body.timeEntryId}/void`, {
        reason: 'wrong-patient',
      });
      const listed = await integration.get(`/v1/patients/${patientId}/time-entries?month=2026-10`);
      expect(listed.body.items).toHaveLength(5);
      const worklist = await staff.get('/v1/worklist');
      expect(worklist.body.month).toBe('2026-10');
      const summary = (worklist.body.ccmMinutes as { patientId: string }[]).find(
        (m) => m.patientId === patientId,
      );
      expect(summary).toMatchObject({ minutes: 21, nextThreshold: 40, minutesToNextThreshold: 19 });
    } finally {
      cloud.setClock(new Date());
    }
  });
});

describe('screenings and vitals', () => {
  it('PHQ-9 item 9 raises an urgent self-harm RiskFlagged with the score, never the answers', async () => {
    const { patientId } = await openCase();
    const res = await staff.post(`/v1/patients/${patientId}/screenings`, {
      instrument: 'phq-9',
      answers: [1, 1, 0, 2, 1, 0, 1, 0, 1],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ score: 7, band: 'mild' });
    await cloud.settle();
    const flag = outreachEvents('RiskFlagged').find((e) => e.data.patientId === patientId);
    expect(flag?.data).toMatchObject({
      kind: 'self-harm-risk',
      severity: 'urgent',
      code: 'PHQ9_ITEM9_POSITIVE',
    });
    const scored = outreachEvents('ScreeningScored').find((e) => e.data.patientId === patientId);
    expect(scored?.data).toMatchObject({ instrument: 'phq-9', score: 7, band: 'mild' });
    expect(scored?.data).not.toHaveProperty('answers');
    const items = (await staff.get('/v1/worklist')).body.items as {
      kind: string;
      urgency: string;
      patientId: string;
    }[];
    const position = items.findIndex((i) => i.kind === 'risk-flag' && i.patientId === patientId);
    expect(items[position]).toMatchObject({ urgency: 'urgent' });
    // Urgent flags come before any overdue or due work.
    expect(items.slice(0, position).every((i) => i.urgency === 'urgent')).toBe(true);
  });

  it('a blood pressure above the threshold publishes a vital-sign RiskFlagged on the bus', async () => {
    const { patientId } = await openCase();
    const res = await staff.post(`/v1/patients/${patientId}/observations`, {
      type: 'blood-pressure',
      systolic: 192,
      diastolic: 100,
      unit: 'mm[Hg]',
      observedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(res.status).toBe(201);
    await cloud.settle();
    const flag = outreachEvents('RiskFlagged').find((e) => e.data.patientId === patientId);
    expect(flag?.data).toMatchObject({ kind: 'vital-sign', severity: 'urgent', code: 'HYPERTENSIVE_CRISIS' });
    // The reading itself travels once, with the thresholds it crossed, for the patient's timeline.
    const vital = outreachEvents('VitalRecorded').find((e) => e.data.patientId === patientId);
    expect(vital?.data).toMatchObject({
      observationId: res.body.observationId,
      type: 'blood-pressure',
      value: 192,
      diastolic: 100,
      unit: 'mm[Hg]',
      flagCodes: ['HYPERTENSIVE_CRISIS'],
    });
  });

  it('heart-failure weight gain raises readmission risk from the weight history', async () => {
    const { patientId } = await openCase();
    expect((await staff.put(`/v1/patients/${patientId}/vitals-policy`, { heartFailure: true })).status).toBe(
      200,
    );
    const day = 24 * 3600_000;
    const weigh = (value: number, ago: number) =>
      staff.post(`/v1/patients/${patientId}/observations`, {
        type: 'body-weight',
        value,
        unit: '[lb_av]',
        observedAt: new Date(Date.now() - ago).toISOString(),
      });
    expect((await weigh(180, day + 60_000)).body.riskFlags).toEqual([]);
    const gained = await weigh(183, 60_000);
    expect(gained.body.riskFlags[0]).toMatchObject({ kind: 'readmission-risk', code: 'WEIGHT_GAIN_DAY' });
  });

  it('an implausible reading is a 422, not a flag', async () => {
    const { patientId } = await openCase();
    const res = await staff.post(`/v1/patients/${patientId}/observations`, {
      type: 'spo2',
      value: 180,
      unit: '%',
      observedAt: new Date().toISOString(),
    });
    expect(res.status).toBe(422);
  });
});
