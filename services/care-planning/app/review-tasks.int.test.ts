import {
  ConsentRecordedV1,
  EligibilityDeterminedV1,
  ReferralCancelledV1,
  RiskFlaggedV1,
} from '@carelink/contracts';
import { assessmentExample } from '@carelink/contracts/api/care-planning';
import type { LocalCloud } from '@carelink/local/cloud';
import { type ApiClient, apiClient } from '@carelink/local/testing/api-client';
import { startTestCloud } from '@carelink/local/testing/local-cloud-fixture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carePlanningManifest } from '../manifest';
import { caseIdFor, determination, publish, published, ulid } from '../testing/support';

let cloud: LocalCloud;
let careManager: ApiClient;
let denver: ApiClient;

beforeAll(async () => {
  cloud = await startTestCloud([carePlanningManifest]);
  careManager = await apiClient(cloud, 'staff-boston-care-manager');
  denver = await apiClient(cloud, 'staff-denver-care-manager');
});
afterAll(async () => {
  await cloud?.stop();
});

async function openCase(identifiedAt = new Date().toISOString()) {
  const data = determination();
  await publish(cloud, EligibilityDeterminedV1, data, { occurredAt: identifiedAt });
  return {
    caseId: caseIdFor(cloud, data.referralId),
    patientId: data.patientId,
    referralId: data.referralId,
  };
}

const taskEvents = (caseId: string) => published(cloud, 'CaseTaskChanged', { caseId }).map((e) => e.data);

describe('review tasks', () => {
  it('a flag’s review task is listed, completed once with an outcome, and announced open then done', async () => {
    const { caseId, patientId } = await openCase();
    await publish(cloud, RiskFlaggedV1, {
      flagId: ulid(),
      patientId,
      practiceId: 'practice-boston',
      kind: 'vital-sign',
      severity: 'urgent',
      code: 'SYSTOLIC_ABOVE_180',
      observedAt: '2026-10-11T09:00:00Z',
    });
    const open = await careManager.get(`/v1/cases/${caseId}/review-tasks?status=open`);
    expect(open.body.items).toEqual([
      expect.objectContaining({ type: 'care-plan-review', status: 'open', priority: 'urgent' }),
    ]);
    const key = encodeURIComponent(open.body.items[0].taskKey);
    const done = await careManager.post(`/v1/cases/${caseId}/review-tasks/${key}/complete`, {
      outcome: 'plan-revised',
      note: 'Added a home BP log',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({
      status: 'done',
      completed: { by: 'staff-boston-care-manager', outcome: 'plan-revised' },
    });
    expect(
      (
        await careManager.post(`/v1/cases/${caseId}/review-tasks/${key}/complete`, {
          outcome: 'plan-revised',
        })
      ).status,
    ).toBe(409);
    expect((await denver.get(`/v1/cases/${caseId}/review-tasks`)).status).toBe(404);
    await cloud.settle();
    const events = taskEvents(caseId);
    expect(events.map((e) => e.status)).toEqual(['open', 'done']);
    expect(JSON.stringify(events)).not.toContain('home BP log');
  });

  it('an overdue assessment becomes a task for the primary, and beginning the assessment settles it', async () => {
    const { caseId } = await openCase('2026-01-05T15:00:00.000Z');
    expect((await careManager.get(`/v1/cases/${caseId}/assessment`)).status).toBe(404);
    await cloud.scheduler.runNow('assessment-overdue', new Date('2026-02-06T11:00:00Z'));
    await cloud.settle();
    const overdue = (await careManager.get(`/v1/cases/${caseId}/review-tasks?status=open`)).body.items;
    expect(overdue).toEqual([
      expect.objectContaining({ type: 'assessment-overdue', assigneeStaffId: 'staff-boston-care-manager' }),
    ]);

    expect((await careManager.put(`/v1/cases/${caseId}/assessment`, assessmentExample)).status).toBe(200);
    const assessment = await careManager.get(`/v1/cases/${caseId}/assessment`);
    expect(assessment.status).toBe(200);
    expect(assessment.body.completedAt).toEqual(expect.any(String));
    expect((await careManager.get(`/v1/cases/${caseId}/review-tasks?status=open`)).body.items).toEqual([]);
    await cloud.settle();
    expect(taskEvents(caseId).map((e) => [e.type, e.status])).toEqual([
      ['assessment-overdue', 'open'],
      ['assessment-overdue', 'done'],
    ]);
  });
});

describe('a partner cancels the referral', () => {
  it('closes a case whose patient never consented, with reason referral-cancelled', async () => {
    const { caseId, patientId, referralId } = await openCase();
    await publish(cloud, ReferralCancelledV1, { referralId, patientId, reasonCode: 'member-declined' });
    const detail = await careManager.get(`/v1/cases/${caseId}`);
    expect(detail.body).toMatchObject({ status: 'closed', closeReason: 'referral-cancelled' });
    expect(published(cloud, 'CaseClosed', { caseId }).map((e) => e.data.reason)).toEqual([
      'referral-cancelled',
    ]);
  });

  it('asks the primary to decide for a consented patient, and keeps the case open', async () => {
    const { caseId, patientId, referralId } = await openCase();
    await publish(cloud, ConsentRecordedV1, {
      consentId: ulid(),
      patientId,
      practiceId: 'practice-boston',
      program: 'ccm',
      method: 'verbal',
      obtainedAt: '2026-10-02T14:00:00Z',
      billingPractitionerId: '1234567893',
    });
    await publish(cloud, ReferralCancelledV1, { referralId, patientId, reasonCode: 'no-longer-needed' });
    const detail = await careManager.get(`/v1/cases/${caseId}`);
    expect(detail.body.status).not.toBe('closed');
    expect(detail.body.reviewTasks).toEqual([
      expect.objectContaining({ type: 'referral-cancelled', priority: 'urgent', status: 'open' }),
    ]);
  });

  it('opens no case for a referral cancelled before it was determined', async () => {
    const data = determination();
    await publish(cloud, ReferralCancelledV1, {
      referralId: data.referralId,
      patientId: data.patientId,
      reasonCode: 'duplicate',
    });
    await publish(cloud, EligibilityDeterminedV1, data);
    expect(published(cloud, 'CaseOpened', { referralId: data.referralId })).toEqual([]);
    expect(cloud.queues.get('care-planning-open-case-on-eligibility-dlq')?.depth ?? 0).toBe(0);
  });
});
