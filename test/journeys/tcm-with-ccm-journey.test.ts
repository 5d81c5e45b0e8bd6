import { assessmentExample, carePlanExample } from '@carelink/contracts/api/care-planning';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../packages/local/src/cloud';
import { type ApiClient, apiClient } from '../../packages/local/src/testing/api-client';
import { eventually, logOctoberCcmMinutes, member, startJourneyCloud } from './ccm-journey';

/**
 * Scenario: a Medicare member with diabetes, heart failure and CKD is discharged home on Thursday
 * 1 October 2026 and referred for CCM and TCM. The case opens for CCM and keeps the discharge: the
 * TCM contact is due in two business days and is made on Friday; the practitioner sees the patient
 * face to face on day 6 with high-complexity decision making. In October clinical staff also log
 * 45 minutes of CCM. The October run bills 99496 (dated the visit day) alongside 99490 + 99439, as
 * CMS has allowed since CY 2020.
 */

let cloud: LocalCloud;
let partner: ApiClient;
let careManager: ApiClient;
let clinicalStaff: ApiClient;
let billingLead: ApiClient;

const until = <T>(what: string, probe: () => Promise<T | undefined>) => eventually(what, probe, cloud);

beforeAll(async () => {
  cloud = await startJourneyCloud();
  cloud.setClock(new Date('2026-10-01T22:00:00Z'));
  partner = await apiClient(cloud, 'northwind-health');
  careManager = await apiClient(cloud, 'staff-boston-care-manager');
  clinicalStaff = await apiClient(cloud, 'staff-boston-clinical-staff');
  billingLead = await apiClient(cloud, 'staff-boston-billing-lead');
}, 180_000);

afterAll(async () => {
  await cloud?.stop();
});

describe('TCM and CCM for the same patient in the same month', () => {
  let patientId: string;
  let caseId: string;

  it('opens a CCM case that keeps the TCM contact task of the discharge', async () => {
    const created = await partner.post('/v1/referrals', {
      externalReferralId: `ACME-TCM-CCM-${Date.now()}`,
      member: { ...member, memberId: 'ACME-TCM-CCM-1', mbi: '4EG4-TE5-MK73' },
      coverage: { payerId: 'acme-medicare', planType: 'medicare', startDate: '2026-01-01' },
      reason: {
        type: 'post-discharge',
        description: 'Discharged home after a heart failure admission',
        dischargeDate: '2026-10-01',
        dischargeFacility: { type: 'inpatient', name: 'South Shore Hospital' },
      },
      diagnoses: [{ code: 'E11.9' }, { code: 'I50.22' }, { code: 'N18.30' }],
      requestedPrograms: ['ccm', 'tcm'],
      priority: 'urgent',
      utilization: { admissions6m: 1, edVisits6m: 0 },
      attributedPractitioner: { npi: '1234567893', lastVisitDate: '2026-06-15' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const enrolled = await until('the referral to be enrolled', async () => {
      const res = await partner.get(`/v1/referrals/${created.body.id}`);
      return res.body.status === 'enrolled' ? res.body : undefined;
    });
    patientId = enrolled.patientId;
    // Billing's patient-month lock needs the patient key: intake computes it, eligibility passes it on.
    const determined = cloud.bus
      .events()
      .filter((e) => e['detail-type'] === 'EligibilityDetermined')
      .map((e) => (e.detail as { data: { referralId: string; patientKey?: string } }).data)
      .find((data) => data.referralId === created.body.id);
    expect(determined?.patientKey).toMatch(/^[0-9a-f]{64}$/);
    const cases = await careManager.get('/v1/cases?assignee=me&limit=100');
    const found = (cases.body.items as { caseId: string; referralId: string; program: string }[]).find(
      (c) => c.referralId === created.body.id,
    );
    expect(found?.program).toBe('ccm');
    caseId = found?.caseId ?? '';
    const tasks = await until('the TCM contact task', async () => {
      const res = await clinicalStaff.get(`/v1/patients/${patientId}/tasks?status=open`);
      const items = res.body.items as { kind: string; dueAt: string }[];
      return items.some((t) => t.kind === 'tcm-interactive-contact') ? items : undefined;
    });
    // Thursday 1 October: Friday 2 and Monday 5 are the two business days.
    expect(tasks.find((t) => t.kind === 'tcm-interactive-contact')?.dueAt).toBe('2026-10-06T04:00:00Z');
  });

  it('bills 99496 for a high-MDM visit on day 6 after a timely contact, alongside 99490 + 99439', async () => {
    expect((await careManager.put(`/v1/cases/${caseId}/assessment`, assessmentExample)).status).toBe(200);
    const plan = await careManager.put(`/v1/cases/${caseId}/care-plan`, carePlanExample, {
      'if-match': '"0"',
    });
    expect(plan.status, JSON.stringify(plan.body)).toBeLessThan(300);
    const consent = await careManager.post(`/v1/patients/${patientId}/consents`, {
      program: 'ccm',
      method: 'verbal',
      obtainedAt: '2026-10-01T21:00:00Z',
      obtainedBy: 'staff-boston-care-manager',
      billingPractitionerNpi: '1234567893',
      rightToStopAnyTime: true,
      onlyOnePractitionerBillsPerMonth: true,
      costSharingExplained: true,
    });
    expect(consent.status, JSON.stringify(consent.body)).toBe(201);

    cloud.setClock(new Date('2026-10-02T15:00:00Z'));
    const call = await clinicalStaff.post(`/v1/patients/${patientId}/contact-attempts`, {
      channel: 'phone',
      outcome: 'reached',
    });
    expect(call.status).toBe(201);

    cloud.setClock(new Date('2026-10-20T15:00:00Z'));
    await logOctoberCcmMinutes(clinicalStaff, patientId);
    await cloud.settle();
    const visit = await billingLead.post(`/v1/billing/patients/${patientId}/visits`, {
      practitionerNpi: '1234567893',
      kind: 'tcm-face-to-face',
      at: '2026-10-07T14:00:00Z',
    });
    expect(visit.status, JSON.stringify(visit.body)).toBe(201);
    const mdm = await billingLead.put(`/v1/billing/patients/${patientId}/months/2026-10/mdm`, {
      level: 'high',
    });
    expect(mdm.status, JSON.stringify(mdm.body)).toBe(200);

    cloud.setClock(new Date('2026-11-02T12:00:00Z'));
    const run = await billingLead.post('/v1/billing/runs', {
      practiceId: 'practice-boston',
      month: '2026-10',
    });
    expect(run.status).toBe(202);
    const runId: string = run.body.runId;
    await until('the run to complete', async () => {
      const res = await billingLead.get(`/v1/billing/runs/${runId}`);
      return res.body.status === 'completed' ? res.body : undefined;
    });
    const claims = await billingLead.get(`/v1/billing/runs/${runId}/claims?format=json`);
    const mine = (
      claims.body.lines as { patientId: string; cpt: string; units: number; dateOfService: string }[]
    )
      .filter((l) => l.patientId === patientId)
      .map((l) => [l.cpt, l.units, l.dateOfService])
      .sort();
    expect(mine).toEqual([
      ['99439', 1, '2026-10-31'],
      ['99490', 1, '2026-10-31'],
      ['99496', 1, '2026-10-07'],
    ]);
  });
});
