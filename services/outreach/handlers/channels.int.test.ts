import { buildEvent, CaseOpenedV1 } from '@carelink/contracts';
import type { LocalCloud } from '@carelink/local/cloud';
import { type ApiClient, apiClient } from '@carelink/local/testing/api-client';
import { startTestCloud } from '@carelink/local/testing/local-cloud-fixture';
import { monotonicFactory } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outreachManifest } from '../manifest';

const ulid = monotonicFactory();
let cloud: LocalCloud;
let staff: ApiClient;

beforeAll(async () => {
  cloud = await startTestCloud([outreachManifest]);
  staff = await apiClient(cloud, 'staff-boston-care-manager');
});
afterAll(async () => {
  await cloud?.stop();
});

async function openCase(): Promise<string> {
  const patientId = ulid();
  const event = buildEvent(
    CaseOpenedV1,
    {
      tenantId: 'acme-health',
      correlationId: ulid(),
      data: {
        caseId: ulid(),
        patientId,
        referralId: ulid(),
        practiceId: 'practice-boston',
        program: 'ccm',
        primaryStaffId: 'staff-boston-care-manager',
        identifiedAt: '2026-10-01T12:00:00Z',
        timeZone: 'America/New_York',
      },
    },
    { eventId: ulid(), occurredAt: new Date().toISOString() },
  );
  await cloud.bus.putEvents([
    {
      Source: CaseOpenedV1.source,
      DetailType: CaseOpenedV1.detailType,
      Detail: JSON.stringify(event.detail),
    },
  ]);
  await cloud.settle();
  return patientId;
}

describe('reminders', () => {
  it('sends by day, defers in quiet hours until 08:00 local, and the scheduler releases it', async () => {
    const patientId = await openCase();
    cloud.setClock(new Date('2026-10-14T16:00:00Z')); // 12:00 in Boston
    const day = await staff.post(`/v1/patients/${patientId}/messages`, {
      channel: 'sms',
      template: 'missed-call',
    });
    expect(day.body).toMatchObject({ status: 'sent' });
    expect(day.body.body).toContain('Back Bay Primary Care');
    expect(day.body.body).toContain('(617) 555-0100');

    cloud.setClock(new Date('2026-10-15T02:30:00Z')); // 22:30 in Boston
    const night = await staff.post(`/v1/patients/${patientId}/messages`, {
      channel: 'sms',
      template: 'monthly-check-in',
    });
    expect(night.body).toMatchObject({ status: 'deferred', sendAfter: '2026-10-15T12:00:00Z' });

    await cloud.scheduler.runNow('release-deferred-messages', new Date('2026-10-15T11:45:00Z'));
    let listed = await staff.get(`/v1/patients/${patientId}/messages`);
    expect(
      listed.body.items.find((m: { messageId: string }) => m.messageId === night.body.messageId).status,
    ).toBe('deferred');
    await cloud.scheduler.runNow('release-deferred-messages', new Date('2026-10-15T12:00:00Z'));
    listed = await staff.get(`/v1/patients/${patientId}/messages`);
    expect(
      listed.body.items.find((m: { messageId: string }) => m.messageId === night.body.messageId),
    ).toMatchObject({
      status: 'sent',
      sentAt: '2026-10-15T12:00:00Z',
    });
    cloud.setClock(new Date());
  });

  it('an inbound STOP blocks later texts; a sentence containing stop does not', async () => {
    const patientId = await openCase();
    cloud.setClock(new Date('2026-10-14T16:00:00Z'));
    const chatter = await staff.post(`/v1/patients/${patientId}/inbound-messages`, {
      channel: 'sms',
      text: 'please stop calling me at work',
    });
    expect(chatter.body).toEqual({ channel: 'sms', consent: 'opted-in' });
    const stop = await staff.post(`/v1/patients/${patientId}/inbound-messages`, {
      channel: 'sms',
      text: ' stop ',
    });
    expect(stop.body).toEqual({ channel: 'sms', consent: 'opted-out' });
    const blocked = await staff.post(`/v1/patients/${patientId}/messages`, {
      channel: 'sms',
      template: 'appointment',
    });
    expect(blocked.body).toMatchObject({ status: 'blocked', blockedReason: 'opted-out' });
    const email = await staff.post(`/v1/patients/${patientId}/messages`, {
      channel: 'email',
      template: 'appointment',
    });
    expect(email.body).toMatchObject({ status: 'sent' });
    cloud.setClock(new Date());
  });
});

describe('community referrals', () => {
  it('runs the closed loop sent → accepted → completed and rejects a step back with 409', async () => {
    const patientId = await openCase();
    const put = await staff.put('/v1/community-resources/gbfb', {
      name: 'Greater Boston Food Bank',
      category: 'food-assistance',
    });
    expect(put.status).toBe(200);
    const directory = await staff.get('/v1/community-resources?category=food-assistance');
    expect(directory.body.items.map((r: { resourceId: string }) => r.resourceId)).toContain('gbfb');
    const sent = await staff.post(`/v1/patients/${patientId}/community-referrals`, { resourceId: 'gbfb' });
    expect(sent.body).toMatchObject({ status: 'sent', category: 'food-assistance' });
    const path = `/v1/patients/${patientId}/community-referrals/${sent.body.referralId}/status`;
    expect((await staff.post(path, { status: 'completed' })).status).toBe(409);
    expect((await staff.post(path, { status: 'accepted' })).body.status).toBe('accepted');
    const done = await staff.post(path, { status: 'completed' });
    expect(done.body.history.map((h: { status: string }) => h.status)).toEqual([
      'sent',
      'accepted',
      'completed',
    ]);
    expect(
      (await staff.post(`/v1/patients/${patientId}/community-referrals`, { resourceId: 'nope' })).status,
    ).toBe(422);
  });
});
