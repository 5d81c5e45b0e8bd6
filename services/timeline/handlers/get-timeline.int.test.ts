import {
  buildEvent,
  CaseClosedV1,
  CaseOpenedV1,
  ConsentRecordedV1,
  EligibilityDeterminedV1,
  type EventContract,
  type OutgoingEvent,
  PatientIdentifiedV1,
  ReferralReceivedV1,
} from '@carelink/contracts';
import type { LocalCloud } from '@carelink/local/cloud';
import { apiClient } from '@carelink/local/testing/api-client';
import { publishEvents } from '@carelink/local/testing/bus';
import { startTestCloud } from '@carelink/local/testing/local-cloud-fixture';
import { monotonicFactory } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineManifest } from '../manifest';

const ulid = monotonicFactory();
const tenantId = 'acme-health';
const practiceId = 'practice-boston';
const patientId = ulid();
const referralId = ulid();
const caseId = ulid();

let cloud: LocalCloud;

const event = <C extends EventContract>(
  contract: C,
  data: Parameters<typeof buildEvent<C>>[1]['data'],
  occurredAt: string,
) =>
  buildEvent(contract, { tenantId, correlationId: 'timeline-test', data }, { eventId: ulid(), occurredAt });

const identity = (version: number, family: string) =>
  event(
    PatientIdentifiedV1,
    {
      referralId,
      patientId,
      practiceId,
      version,
      name: { given: ['Maria'], family },
      birthDate: '1951-04-12',
      sex: 'female',
    },
    '2026-10-01T14:00:00Z',
  );

const history: OutgoingEvent[] = [];

beforeAll(async () => {
  cloud = await startTestCloud([timelineManifest]);
  history.push(
    // Published out of order on purpose: the timeline reads in time order whatever the arrival.
    event(
      ConsentRecordedV1,
      {
        consentId: ulid(),
        patientId,
        practiceId,
        program: 'ccm',
        method: 'verbal',
        obtainedAt: '2026-10-03T15:00:00Z',
        billingPractitionerId: '1234567893',
      },
      '2026-10-03T15:00:01Z',
    ),
    event(
      ReferralReceivedV1,
      {
        referralId,
        patientId,
        practiceId,
        requestedPrograms: ['ccm'],
        priority: 'routine',
        coverage: { payerId: 'acme', planType: 'medicare', memberId: 'M-1', startDate: '2026-01-01' },
        reason: { type: 'chronic-care' },
        diagnosisCodes: ['E11.9', 'I50.22'],
        utilization: { admissions6m: 0, edVisits6m: 0 },
        timeZone: 'America/New_York',
      },
      '2026-10-01T14:00:00Z',
    ),
    event(
      EligibilityDeterminedV1,
      {
        referralId,
        patientId,
        practiceId,
        determinationVersion: 1,
        planType: 'medicare',
        programs: [{ program: 'ccm', status: 'eligible', reasons: ['CHRONIC_CONDITIONS_MET'] }],
        conditionCategories: ['diabetes', 'heart-failure'],
        complexConditionForPcm: false,
        timeZone: 'America/New_York',
      },
      '2026-10-01T14:00:02Z',
    ),
    event(
      CaseOpenedV1,
      {
        caseId,
        patientId,
        referralId,
        practiceId,
        program: 'ccm',
        primaryStaffId: 'staff-boston-care-manager',
        identifiedAt: '2026-10-01T14:00:03Z',
        timeZone: 'America/New_York',
      },
      '2026-10-01T14:00:03Z',
    ),
    identity(2, 'Lopez-Garcia'),
    identity(1, 'Lopez'),
  );
  await publishEvents(cloud, history);
});

afterAll(async () => {
  await cloud?.stop();
});

describe('the patient timeline', () => {
  it("shows the patient's practice who the patient is and their story in time order", async () => {
    const staff = await apiClient(cloud, 'staff-boston-care-manager');
    const res = await staff.get(`/v1/patients/${patientId}/timeline`);
    expect(res.status).toBe(200);
    // The newer identity wins although the older copy arrived last.
    expect(res.body.patient).toEqual({
      patientId,
      name: { given: ['Maria'], family: 'Lopez-Garcia' },
      birthDate: '1951-04-12',
      sex: 'female',
    });
    expect(res.body.items.map((item: { title: string }) => item.title)).toEqual([
      'Referral received',
      'Eligibility determined',
      'Case opened',
      'Consent recorded',
    ]);
    expect(res.body.items[1].facts).toContainEqual({
      label: 'CCM',
      value: 'eligible (CHRONIC_CONDITIONS_MET)',
    });
    expect(res.body.items[0].facts).toContainEqual({ label: 'Diagnoses', value: 'E11.9, I50.22' });
  });

  it("lists the patient's cases, newest first, and a close that arrives before its opening stays closed", async () => {
    const staff = await apiClient(cloud, 'staff-boston-care-manager');
    const main = await staff.get(`/v1/patients/${patientId}/timeline`);
    expect(main.body.cases).toEqual([
      { caseId, program: 'ccm', status: 'open', openedAt: '2026-10-01T14:00:03Z' },
    ]);

    const other = { patientId: ulid(), referralId: ulid(), practiceId };
    const [closedId, openId] = [ulid(), ulid()];
    const opening = (id: string, program: 'tcm' | 'ccm', at: string) =>
      event(
        CaseOpenedV1,
        {
          ...other,
          caseId: id,
          program,
          primaryStaffId: 'staff-boston-care-manager',
          identifiedAt: at,
          timeZone: 'America/New_York',
        },
        at,
      );
    await publishEvents(cloud, [
      event(
        CaseClosedV1,
        { ...other, caseId: closedId, program: 'tcm', reason: 'goals-met' },
        '2026-09-20T10:00:00Z',
      ),
    ]);
    await publishEvents(cloud, [
      opening(closedId, 'tcm', '2026-09-01T10:00:00Z'),
      opening(openId, 'ccm', '2026-10-02T10:00:00Z'),
    ]);
    const res = await staff.get(`/v1/patients/${other.patientId}/timeline`);
    expect(res.body.cases).toEqual([
      { caseId: openId, program: 'ccm', status: 'open', openedAt: '2026-10-02T10:00:00Z' },
      { caseId: closedId, program: 'tcm', status: 'closed', openedAt: '2026-09-01T10:00:00Z' },
    ]);
  });

  it('changes nothing when the same events arrive again', async () => {
    await publishEvents(cloud, history);
    const staff = await apiClient(cloud, 'staff-boston-care-manager');
    const res = await staff.get(`/v1/patients/${patientId}/timeline`);
    expect(res.body.items).toHaveLength(4);
  });

  it('pages with an opaque cursor and refuses a forged one', async () => {
    const staff = await apiClient(cloud, 'staff-boston-care-manager');
    const first = await staff.get(`/v1/patients/${patientId}/timeline?limit=3`);
    expect(first.body.items).toHaveLength(3);
    const rest = await staff.get(
      `/v1/patients/${patientId}/timeline?limit=3&cursor=${first.body.nextCursor}`,
    );
    expect(rest.body.items.map((item: { title: string }) => item.title)).toEqual(['Consent recorded']);
    expect((await staff.get(`/v1/patients/${patientId}/timeline?cursor=forged`)).status).toBe(422);
  });

  it("is a 404 for another practice's or tenant's staff and for an unknown patient", async () => {
    const denver = await apiClient(cloud, 'staff-denver-care-manager');
    expect((await denver.get(`/v1/patients/${patientId}/timeline`)).status).toBe(404);
    const staff = await apiClient(cloud, 'staff-boston-care-manager');
    expect((await staff.get(`/v1/patients/${ulid()}/timeline`)).status).toBe(404);
  });
});
