import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../packages/local/src/cloud';
import { type ApiClient, apiClient } from '../../packages/local/src/testing/api-client';
import { eventually, member, startJourneyCloud } from './ccm-journey';
import { startWebhookReceiver } from './webhook-receiver';

/**
 * Scenario: the care team's work can be finished. A PHQ-9 with item 9 answered "more than half the
 * days" raises one urgent flag that pages the on-call person and sits on the primary's worklist
 * until it is acknowledged and resolved. A partner cancels a referral whose case is open but not
 * consented: the case closes and outreach stops; for a consented patient the primary decides. The
 * partner reads who accessed its member's records, and nothing of another partner's.
 */

let cloud: LocalCloud;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let second: { referralId: string; patientId: string; caseId: string };
let partner: ApiClient;
let otherPartner: ApiClient;
let careManager: ApiClient;
let clinicalStaff: ApiClient;

const until = <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000) =>
  eventually(what, probe, cloud, timeoutMs);

/** Refers a CCM member (its own MBI) and waits for the case, returning the ids the test needs. */
async function enrolledCase(mbi: string, memberId: string) {
  const created = await partner.post('/v1/referrals', {
    externalReferralId: `LOOPS-${memberId}-${Date.now()}`,
    member: { ...member, memberId, mbi },
    coverage: { payerId: 'acme-medicare', planType: 'medicare', startDate: '2026-01-01' },
    reason: { type: 'chronic-care', description: 'Two chronic conditions, monthly support wanted' },
    diagnoses: [{ code: 'E11.9' }, { code: 'I50.22' }],
    requestedPrograms: ['ccm'],
    priority: 'routine',
    utilization: { admissions6m: 0, edVisits6m: 1 },
    attributedPractitioner: { npi: '1234567893', lastVisitDate: '2026-06-15' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const referralId: string = created.body.id;
  const enrolled = await until('the referral to be enrolled', async () => {
    const res = await partner.get(`/v1/referrals/${referralId}`);
    return res.body.status === 'enrolled' ? res.body : undefined;
  });
  const cases = await careManager.get('/v1/cases?assignee=me&limit=100');
  const found = (cases.body.items as { caseId: string; referralId: string }[]).find(
    (c) => c.referralId === referralId,
  );
  if (!found) throw new Error('no case for the referral on the care manager’s list');
  return { referralId, patientId: enrolled.patientId as string, caseId: found.caseId };
}

const worklistIds = async () =>
  ((await careManager.get('/v1/worklist')).body.items as { id: string; kind: string }[]).map((i) => i.id);

beforeAll(async () => {
  cloud = await startJourneyCloud();
  cloud.setClock(new Date('2026-10-01T13:00:00Z'));
  partner = await apiClient(cloud, 'northwind-health');
  otherPartner = await apiClient(cloud, 'lakeside-clinics');
  careManager = await apiClient(cloud, 'staff-boston-care-manager');
  clinicalStaff = await apiClient(cloud, 'staff-boston-clinical-staff');
  receiver = await startWebhookReceiver();
  const webhook = await partner.post('/v1/webhooks', {
    url: receiver.url,
    events: ['ReferralStatusChanged', 'CommunityReferralStatusChanged'],
  });
  expect(webhook.status, JSON.stringify(webhook.body)).toBe(201);
  receiver.useSecret(webhook.body.secret);
  webhookId = webhook.body.id;
}, 180_000);

let webhookId: string;

afterAll(async () => {
  await receiver?.stop();
  await cloud?.stop();
});

describe('work loops: flags are closed, cancellations stop work, partners see access', () => {
  let first: { referralId: string; patientId: string; caseId: string };

  it('a PHQ-9 item 9 of 2 raises one urgent flag, pages on-call within a minute, and leaves the worklist once resolved', async () => {
    first = await enrolledCase('2EG4-TE5-MK73', 'ACME-LOOP-1');
    const submitted = Date.now();
    const screening = await clinicalStaff.post(`/v1/patients/${first.patientId}/screenings`, {
      instrument: 'phq-9',
      answers: [1, 1, 0, 1, 0, 1, 0, 0, 2],
    });
    expect(screening.status, JSON.stringify(screening.body)).toBe(201);

    const open = await until('one open urgent flag', async () => {
      const res = await careManager.get(`/v1/patients/${first.patientId}/risk-flags?status=open`);
      return res.body.items.length > 0 ? res.body.items : undefined;
    });
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      kind: 'self-harm-risk',
      severity: 'urgent',
      code: 'PHQ9_ITEM9_POSITIVE',
    });
    const flagId: string = open[0].flagId;
    expect(await worklistIds()).toContain(flagId);

    const page = await until('the on-call page', async () => {
      const res = await fetch(`${cloud.apiUrl}/local/notifications`);
      const { items } = (await res.json()) as {
        items: { patientId?: string; to: string; subject: string }[];
      };
      return items.find((item) => item.patientId === first.patientId);
    });
    expect(Date.now() - submitted).toBeLessThan(60_000);
    expect(page).toMatchObject({
      to: 'staff-boston-care-manager',
      subject: 'Urgent risk flag: PHQ9_ITEM9_POSITIVE',
    });

    const path = `/v1/patients/${first.patientId}/risk-flags/${flagId}`;
    expect((await careManager.post(`${path}/acknowledge`, {})).status).toBe(200);
    const resolved = await careManager.post(`${path}/resolve`, { resolution: 'clinically-addressed' });
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolved: { by: 'staff-boston-care-manager' },
    });
    expect((await careManager.post(`${path}/resolve`, { resolution: 'clinically-addressed' })).status).toBe(
      409,
    );
    expect(await worklistIds()).not.toContain(flagId);
  });

  it('a partner cancels an open, unconsented case: within 30 seconds it is closed and outreach has nothing open', async () => {
    const cancelled = await partner.post(`/v1/referrals/${first.referralId}/cancel`, {
      reasonCode: 'no-longer-needed',
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    const started = Date.now();
    const closed = await until('the case to close', async () => {
      const res = await careManager.get(`/v1/cases/${first.caseId}`);
      return res.body.status === 'closed' ? res.body : undefined;
    });
    expect(closed.closeReason).toBe('referral-cancelled');
    const tasks = await until('outreach to cancel its tasks', async () => {
      const res = await careManager.get(`/v1/patients/${first.patientId}/tasks?status=open`);
      return res.body.items.length === 0 ? res.body.items : undefined;
    });
    expect(tasks).toEqual([]);
    expect(Date.now() - started).toBeLessThan(30_000);

    const referral = await until('the partner to hear the case closed', async () => {
      const res = await partner.get(`/v1/referrals/${first.referralId}`);
      return res.body.businessStatus.code === 'CANCELLED_CASE_CLOSED' ? res.body : undefined;
    });
    expect(referral.status).toBe('cancelled');
    const eligibility = await careManager.get(`/v1/patients/${first.patientId}/eligibility`);
    expect(eligibility.body.determinations[0].withdrawn).toMatchObject({ reasonCode: 'no-longer-needed' });
  });

  it('the partner reads who accessed its member’s records, without names; another partner gets a 404', async () => {
    const log = await until('access entries', async () => {
      const res = await partner.get(`/v1/referrals/${first.referralId}/access-log?limit=200`);
      return res.status === 200 && res.body.items.some((e: { role: string }) => e.role === 'care-manager')
        ? res.body
        : undefined;
    });
    const records = new Set((log.items as { record: string }[]).map((entry) => entry.record));
    expect(records).toContain('outreach/risk-flags');
    expect(records).toContain('outreach/screenings');
    for (const entry of log.items as Record<string, unknown>[]) {
      expect(Object.keys(entry).sort()).toEqual(
        [
          'action',
          'at',
          'organisation',
          'record',
          'role',
          ...('practiceId' in entry ? ['practiceId'] : []),
        ].sort(),
      );
      expect(entry).toMatchObject({
        organisation: 'acme-health',
        action: expect.stringMatching(/^(read|create|update|delete)$/),
      });
    }
    expect(JSON.stringify(log)).not.toMatch(/staff-boston|Dolores|Abernathy/);
    expect((await otherPartner.get(`/v1/referrals/${first.referralId}/access-log`)).status).toBe(404);
  });

  it('a consented patient’s case stays open after a cancellation; the primary decides from an urgent review task', async () => {
    second = await enrolledCase('3EG4-TE5-MK73', 'ACME-LOOP-2');
    const consent = await careManager.post(`/v1/patients/${second.patientId}/consents`, {
      program: 'ccm',
      method: 'verbal',
      obtainedAt: '2026-10-01T12:30:00Z',
      obtainedBy: 'staff-boston-care-manager',
      billingPractitionerNpi: '1234567893',
      rightToStopAnyTime: true,
      onlyOnePractitionerBillsPerMonth: true,
      costSharingExplained: true,
    });
    expect(consent.status, JSON.stringify(consent.body)).toBe(201);
    await cloud.settle();
    expect(
      (await partner.post(`/v1/referrals/${second.referralId}/cancel`, { reasonCode: 'other' })).status,
    ).toBe(200);

    const task = await until('the review task', async () => {
      const res = await careManager.get(`/v1/cases/${second.caseId}/review-tasks?status=open`);
      return res.body.items.find((t: { type: string }) => t.type === 'referral-cancelled');
    });
    expect(task).toMatchObject({ priority: 'urgent', assigneeStaffId: 'staff-boston-care-manager' });
    expect((await careManager.get(`/v1/cases/${second.caseId}`)).body.status).not.toBe('closed');
    await until('the task on the worklist', async () =>
      (await worklistIds()).includes(task.taskKey) ? true : undefined,
    );

    const key = encodeURIComponent(task.taskKey);
    const done = await careManager.post(`/v1/cases/${second.caseId}/review-tasks/${key}/complete`, {
      outcome: 'care-continues',
    });
    expect(done.body).toMatchObject({
      status: 'done',
      completed: { by: 'staff-boston-care-manager', outcome: 'care-continues' },
    });
    expect(
      (
        await careManager.post(`/v1/cases/${second.caseId}/review-tasks/${key}/complete`, {
          outcome: 'care-continues',
        })
      ).status,
    ).toBe(409);
    await until('the task to leave the worklist', async () =>
      (await worklistIds()).includes(task.taskKey) ? undefined : true,
    );
  });

  it('closes the social-needs loop with the plan: each step of a community referral reaches its webhook as a FHIR Task status', async () => {
    const resource = await careManager.put('/v1/community-resources/loops-pantry', {
      name: 'Loops Pantry',
      category: 'food-assistance',
    });
    expect(resource.status).toBe(200);
    const sent = await careManager.post(`/v1/patients/${second.patientId}/community-referrals`, {
      resourceId: 'loops-pantry',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({ status: 'sent', taskStatus: 'requested' });
    const statusPath = `/v1/patients/${second.patientId}/community-referrals/${sent.body.referralId}/status`;
    expect((await careManager.post(statusPath, { status: 'rejected' })).status).toBe(422);
    expect((await careManager.post(statusPath, { status: 'accepted' })).body.taskStatus).toBe('accepted');

    // The partner rotates its secret; until the overlap ends both secrets sign each delivery.
    const rotated = await partner.post(`/v1/webhooks/${webhookId}/rotate-secret`, { overlapHours: 24 });
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    const completed = await careManager.post(statusPath, { status: 'completed' });
    expect(completed.body).toMatchObject({ status: 'completed', taskStatus: 'completed' });
    expect((await careManager.post(statusPath, { status: 'cancelled', reason: 'other' })).status).toBe(409);

    const loop = await until('three community deliveries', async () => {
      const bodies = receiver.received
        .map((r) => ({ ...r, payload: JSON.parse(r.body) }))
        .filter((r) => r.payload.type === 'CommunityReferralStatusChanged');
      return bodies.length >= 3 ? bodies : undefined;
    });
    expect(loop.map((r) => [r.payload.data.taskStatus, r.payload.data.reason])).toEqual([
      ['requested', 'referral-sent'],
      ['accepted', 'accepted-by-organization'],
      ['completed', 'service-provided'],
    ]);
    expect(loop.every((r) => r.verified && r.standardVerified)).toBe(true);
    expect(loop[2]?.payload.data).toMatchObject({
      referralId: second.referralId,
      category: 'food-assistance',
    });
    expect(JSON.stringify(loop.map((r) => r.payload))).not.toMatch(/Dolores|Abernathy|staff-boston/);

    receiver.useSecret(rotated.body.secret);
    const listed = await careManager.get(
      `/v1/patients/${second.patientId}/community-referrals?status=completed`,
    );
    expect(listed.body.items.map((r: { referralId: string }) => r.referralId)).toEqual([
      sent.body.referralId,
    ]);
  });
});
