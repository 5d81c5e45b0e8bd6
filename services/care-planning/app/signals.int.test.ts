import { EligibilityDeterminedV1, RiskFlaggedV1, ScreeningScoredV1 } from '@carelink/contracts';
import { assessmentExample } from '@carelink/contracts/api/care-planning';
import type { LocalCloud } from '@carelink/local/cloud';
import { type ApiClient, apiClient } from '@carelink/local/testing/api-client';
import { startTestCloud } from '@carelink/local/testing/local-cloud-fixture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carePlanningManifest } from '../manifest';
import { caseIdFor, determination, publish, published, ulid } from '../testing/support';

let cloud: LocalCloud;
let careManager: ApiClient;

beforeAll(async () => {
  cloud = await startTestCloud([carePlanningManifest]);
  careManager = await apiClient(cloud, 'staff-boston-care-manager');
});
afterAll(async () => {
  await cloud?.stop();
});

async function openCase(identifiedAt = new Date().toISOString()) {
  const data = determination();
  await publish(cloud, EligibilityDeterminedV1, data, { occurredAt: identifiedAt });
  return { caseId: caseIdFor(cloud, data.referralId), patientId: data.patientId };
}

describe('outreach signals', () => {
  it('turns a risk flag into one urgent review task for the primary, however often it arrives', async () => {
    const { caseId, patientId } = await openCase();
    const flag = {
      flagId: ulid(),
      patientId,
      practiceId: 'practice-boston',
      kind: 'vital-sign' as const,
      severity: 'urgent' as const,
      code: 'SYSTOLIC_ABOVE_180',
      observedAt: '2026-10-11T09:00:00Z',
    };
    await publish(cloud, RiskFlaggedV1, flag);
    await publish(cloud, RiskFlaggedV1, flag);
    const detail = await careManager.get(`/v1/cases/${caseId}`);
    expect(detail.body.reviewTasks).toEqual([
      expect.objectContaining({
        assigneeStaffId: 'staff-boston-care-manager',
        priority: 'urgent',
        flagKind: 'vital-sign',
        dueBy: '2026-10-11T13:00:00Z',
      }),
    ]);
  });

  it('ignores a risk flag for a patient of another practice', async () => {
    const { caseId, patientId } = await openCase();
    await publish(cloud, RiskFlaggedV1, {
      flagId: ulid(),
      patientId,
      caseId,
      practiceId: 'practice-denver',
      kind: 'social-need',
      severity: 'high',
      code: 'FOOD_INSECURITY',
      observedAt: '2026-10-11T09:00:00Z',
    });
    expect((await careManager.get(`/v1/cases/${caseId}`)).body.reviewTasks).toEqual([]);
  });

  it('records the latest screening score and band and ignores an older one arriving late', async () => {
    const { caseId, patientId } = await openCase();
    const score = (value: number, band: string, scoredAt: string) =>
      publish(cloud, ScreeningScoredV1, {
        screeningId: ulid(),
        patientId,
        caseId,
        practiceId: 'practice-boston',
        instrument: 'phq-9',
        score: value,
        band,
        scoredAt,
      });
    await score(12, 'moderate', '2026-10-12T10:00:00Z');
    await score(4, 'minimal', '2026-10-01T10:00:00Z');
    const detail = await careManager.get(`/v1/cases/${caseId}`);
    expect(detail.body.screenings).toEqual({
      'phq-9': { score: 12, band: 'moderate', scoredAt: '2026-10-12T10:00:00Z' },
    });
  });
});

describe('assessment deadlines', () => {
  it('publishes AssessmentOverdue once per missed milestone, and not for a begun assessment', async () => {
    const late = await openCase('2026-01-05T15:00:00.000Z');
    const begun = await openCase('2026-01-05T15:00:00.000Z');
    expect((await careManager.put(`/v1/cases/${begun.caseId}/assessment`, { sections: {} })).status).toBe(
      200,
    );

    // The 30-day begin deadline is 2026-02-04 in Boston: not overdue during that day.
    await cloud.scheduler.runNow('assessment-overdue', new Date('2026-02-05T04:00:00Z'));
    await cloud.settle();
    expect(published(cloud, 'AssessmentOverdue', { caseId: late.caseId })).toHaveLength(0);

    await cloud.scheduler.runNow('assessment-overdue', new Date('2026-02-05T11:00:00Z'));
    await cloud.scheduler.runNow('assessment-overdue', new Date('2026-02-06T11:00:00Z'));
    await cloud.settle();
    expect(published(cloud, 'AssessmentOverdue', { caseId: late.caseId }).map((e) => e.data)).toEqual([
      {
        caseId: late.caseId,
        patientId: late.patientId,
        practiceId: 'practice-boston',
        primaryStaffId: 'staff-boston-care-manager',
        milestone: 'begin',
        dueAt: '2026-02-05T05:00:00Z',
      },
    ]);
    expect(published(cloud, 'AssessmentOverdue', { caseId: begun.caseId })).toHaveLength(0);

    await cloud.scheduler.runNow('assessment-overdue', new Date('2026-03-07T11:00:00Z'));
    await cloud.settle();
    expect(
      published(cloud, 'AssessmentOverdue', { caseId: late.caseId }).map((e) => e.data.milestone),
    ).toEqual(['begin', 'complete']);
    expect(
      published(cloud, 'AssessmentOverdue', { caseId: begun.caseId }).map((e) => e.data.milestone),
    ).toEqual(['complete']);
  });

  it('reports nothing for an assessment completed on time or a closed case', async () => {
    const done = await openCase('2026-04-01T15:00:00.000Z');
    const closed = await openCase('2026-04-01T15:00:00.000Z');
    expect((await careManager.put(`/v1/cases/${done.caseId}/assessment`, assessmentExample)).status).toBe(
      200,
    );
    expect((await careManager.post(`/v1/cases/${closed.caseId}/close`, { reason: 'declined' })).status).toBe(
      200,
    );
    await cloud.scheduler.runNow('assessment-overdue', new Date('2026-07-01T11:00:00Z'));
    await cloud.settle();
    expect(published(cloud, 'AssessmentOverdue', { caseId: done.caseId })).toHaveLength(0);
    expect(published(cloud, 'AssessmentOverdue', { caseId: closed.caseId })).toHaveLength(0);
  });
});
