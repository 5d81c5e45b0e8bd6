import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../packages/local/src/cloud';
import { type ApiClient, apiClient } from '../../packages/local/src/testing/api-client';
import { eventually, recordDeliveries, startJourneyCloud } from './ccm-journey';

/**
 * Scenario: a health plan refers a Medicare member discharged from an inpatient stay on Friday
 * 4 September 2026, the Friday before the Labor Day weekend (Monday 7 September is a federal
 * holiday). Eligibility finds TCM with the interactive contact due two business days later,
 * Wednesday 9 September, and the face-to-face visit due by 11 (high complexity) or 18 September
 * (moderate). A case opens; outreach puts the TCM contact on the patient's tasks due by the end of
 * 9 September in Boston; a reached phone call on Tuesday 8 September completes it. Heart-failure
 * monitoring then sees a weight gain of 3.5 lb in a day, which raises a readmission-risk flag that
 * care-planning turns into an urgent review on the case. Everything goes through the public API.
 */

const dischargeDate = '2026-09-04';
const externalReferralId = `ACME-TCM-${Date.now()}`;
const tcmMember = {
  memberId: 'ACME-M-TCM-5521',
  name: { given: ['Walter'], family: 'Brennan' },
  birthDate: '1944-07-02',
  sex: 'male' as const,
  phone: '+16175550144',
  address: { line1: '8 Harbor View Rd', city: 'Quincy', state: 'MA', postalCode: '02169' },
  preferredLanguage: 'en',
  timeZone: 'America/New_York',
  mbi: '2EG4-TE5-MK74',
};

interface Task {
  taskId: string;
  kind: string;
  status: string;
  dueAt: string;
  caseId: string;
}

let cloud: LocalCloud;
let partner: ApiClient;
let careManager: ApiClient;
let clinicalStaff: ApiClient;
let referralId: string;
let patientId: string;
let caseId: string;
let queuesReached: (detailType: string) => string[];

const until = <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> =>
  eventually(what, probe, cloud);

beforeAll(async () => {
  cloud = await startJourneyCloud();
  queuesReached = recordDeliveries(cloud);
  // Saturday 5 September 2026, 10:00 in Boston: the day after the discharge.
  cloud.setClock(new Date('2026-09-05T14:00:00Z'));
  partner = await apiClient(cloud, 'northwind-health');
  careManager = await apiClient(cloud, 'staff-boston-care-manager');
  clinicalStaff = await apiClient(cloud, 'staff-boston-clinical-staff');
}, 120_000);

afterAll(async () => {
  await cloud?.stop();
});

describe('TCM journey: a post-discharge referral before a holiday weekend', () => {
  it('refers the member after an inpatient discharge and enrols them', async () => {
    const referral = await partner.post('/v1/referrals', {
      externalReferralId,
      member: tcmMember,
      coverage: { payerId: 'acme-medicare', planType: 'medicare', startDate: '2026-01-01' },
      reason: {
        type: 'post-discharge',
        description: 'Discharged home after a heart failure admission',
        dischargeDate,
        dischargeFacility: { type: 'inpatient', name: 'South Shore Hospital' },
      },
      diagnoses: [{ code: 'I50.22' }],
      requestedPrograms: ['tcm'],
      priority: 'urgent',
      utilization: { admissions6m: 1, edVisits6m: 0 },
      attributedPractitioner: { npi: '1234567893', lastVisitDate: '2026-06-15' },
    });
    expect(referral.status, JSON.stringify(referral.body)).toBe(201);
    referralId = referral.body.id;
    const enrolled = await until('the referral to be enrolled', async () => {
      const res = await partner.get(`/v1/referrals/${referralId}`);
      return res.body.status === 'enrolled' ? res.body : undefined;
    });
    patientId = enrolled.patientId;
    expect((enrolled.history as { to: string }[]).map((h) => h.to)).toEqual(
      expect.arrayContaining(['received', 'eligible', 'enrolled']),
    );
  });

  it('finds TCM with the interactive contact due 2 business days later, past the weekend and Labor Day', async () => {
    const res = await careManager.get(`/v1/patients/${patientId}/eligibility`);
    expect(res.status).toBe(200);
    const determination = (
      res.body.determinations as { referralId: string; programs: { program: string }[] }[]
    ).find((d) => d.referralId === referralId);
    const tcm = determination?.programs.find((p) => p.program === 'tcm') as
      | { status: string; tcm?: Record<string, string> }
      | undefined;
    expect(tcm?.status).toBe('eligible');
    expect(tcm?.tcm).toEqual({
      dischargeDate,
      // Friday 4 → Saturday, Sunday, Labor Day Monday skipped → Tuesday 8 (1), Wednesday 9 (2).
      interactiveContactDue: '2026-09-09',
      faceToFaceDueHighComplexity: '2026-09-11',
      faceToFaceDueModerateComplexity: '2026-09-18',
      dischargeFacilityType: 'inpatient',
    });
    const determined = cloud.bus
      .events()
      .find(
        (e) =>
          e['detail-type'] === 'EligibilityDetermined' &&
          (e.detail as { data: { referralId: string } }).data.referralId === referralId,
      );
    expect(determined, 'EligibilityDetermined on the bus').toBeDefined();
  });

  it('opens a case whose TCM contact task is due by the end of 9 September in Boston', async () => {
    const cases = await careManager.get('/v1/cases?assignee=me');
    expect(cases.status).toBe(200);
    const mine = (cases.body.items as { caseId: string; referralId: string }[]).find(
      (c) => c.referralId === referralId,
    );
    expect(mine, JSON.stringify(cases.body)).toBeDefined();
    caseId = mine?.caseId ?? '';
    const tasks = await until('the TCM contact task', async () => {
      const res = await clinicalStaff.get(`/v1/patients/${patientId}/tasks`);
      const items = (res.body.items ?? []) as Task[];
      return items.some((t) => t.kind === 'tcm-interactive-contact') ? items : undefined;
    });
    const contact = tasks.find((t) => t.kind === 'tcm-interactive-contact');
    expect(contact).toMatchObject({ status: 'open', caseId, dueAt: '2026-09-10T04:00:00Z' });
  });

  it('completes the TCM contact task with a reached call within 2 business days', async () => {
    // Tuesday 8 September, 11:00 in Boston: the first business day after the discharge.
    cloud.setClock(new Date('2026-09-08T15:00:00Z'));
    const attempt = await clinicalStaff.post(`/v1/patients/${patientId}/contact-attempts`, {
      channel: 'phone',
      outcome: 'reached',
    });
    expect(attempt.status, JSON.stringify(attempt.body)).toBe(201);
    const res = await clinicalStaff.get(`/v1/patients/${patientId}/tasks`);
    const contact = (res.body.items as Task[]).find((t) => t.kind === 'tcm-interactive-contact');
    expect(contact?.status).toBe('done');
    expect(Date.parse(attempt.body.attemptedAt)).toBeLessThan(Date.parse(contact?.dueAt ?? ''));
  });

  it('flags a heart-failure weight gain as a readmission risk that reaches the case as an urgent review', async () => {
    const policy = await careManager.put(`/v1/patients/${patientId}/vitals-policy`, { heartFailure: true });
    expect(policy.status, JSON.stringify(policy.body)).toBe(200);
    const first = await clinicalStaff.post(`/v1/patients/${patientId}/observations`, {
      type: 'body-weight',
      value: 180,
      unit: '[lb_av]',
      observedAt: '2026-09-08T12:00:00Z',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.riskFlags).toEqual([]);

    cloud.setClock(new Date('2026-09-09T14:00:00Z'));
    const second = await clinicalStaff.post(`/v1/patients/${patientId}/observations`, {
      type: 'body-weight',
      value: 183.5,
      unit: '[lb_av]',
      observedAt: '2026-09-09T12:00:00Z',
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const flags = second.body.riskFlags as { flagId: string; kind: string }[];
    const flag = flags.find((f) => f.kind === 'readmission-risk');
    expect(flag, JSON.stringify(flags)).toBeDefined();

    const review = await until('the urgent review on the case', async () => {
      const res = await careManager.get(`/v1/cases/${caseId}`);
      const tasks = (res.body.reviewTasks ?? []) as { flagKind: string; priority: string }[];
      return tasks.find((t) => t.flagKind === 'readmission-risk');
    });
    expect(review.priority).toBe('urgent');

    const flagged = cloud.bus
      .events()
      .filter((e) => e['detail-type'] === 'RiskFlagged')
      .map((e) => (e.detail as { data: { flagId: string; kind: string; caseId: string } }).data);
    expect(flagged).toContainEqual(
      expect.objectContaining({ flagId: flag?.flagId, kind: 'readmission-risk', caseId }),
    );
  });

  it('shows the weights on the timeline against the thresholds, and the readings reach no other service', async () => {
    const timeline = await until('both weights on the timeline', async () => {
      const res = await careManager.get(`/v1/patients/${patientId}/timeline?limit=200`);
      const vitals = (res.body.items ?? []) as { kind: string; title: string; facts: unknown[] }[];
      const weights = vitals.filter((item) => item.kind === 'vital');
      return weights.length === 2 ? { cases: res.body.cases, weights } : undefined;
    });
    expect(timeline.weights.map((w) => w.title)).toEqual(['Body weight', 'Body weight outside thresholds']);
    expect(timeline.weights[1]?.facts).toContainEqual({ label: 'Reading', value: '183.5 [lb_av]' });
    expect(timeline.cases).toContainEqual(
      expect.objectContaining({ caseId, program: 'tcm', status: 'open' }),
    );
    expect(queuesReached('VitalRecorded')).toEqual(['timeline-patient-events']);
  });
});
