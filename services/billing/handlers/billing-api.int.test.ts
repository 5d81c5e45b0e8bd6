import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  buildEvent,
  CarePlanEstablishedV1,
  ClaimSubscriberChangedV1,
  ConsentRecordedV1,
  EligibilityDeterminedV1,
  type EventContract,
  type OutgoingEvent,
  TimeLoggedV1,
} from '@carelink/contracts';
import { createDocumentClient } from '@carelink/lambda-kit';
import type { LocalCloud } from '@carelink/local/cloud';
import { apiClient } from '@carelink/local/testing/api-client';
import { publishEvents } from '@carelink/local/testing/bus';
import { startTestCloud } from '@carelink/local/testing/local-cloud-fixture';
import { monotonicFactory } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingManifest } from '../manifest';
import { keys } from '../store/keys';
import { readX12 } from '../testing/x12-reader';

const ulid = monotonicFactory();
const tenantId = 'acme-health';
const practiceId = 'practice-boston';
const patientId = ulid();
const NPI = '1234567893';

let cloud: LocalCloud;

const event = <C extends EventContract>(contract: C, data: Parameters<typeof buildEvent<C>>[1]['data']) =>
  buildEvent(
    contract,
    { tenantId, correlationId: 'e2e-billing', data },
    { eventId: ulid(), occurredAt: '2026-10-20T12:00:00Z' },
  );

const publish = (events: readonly OutgoingEvent[]) => publishEvents(cloud, events);

const timeLogged = (minutes: number, startedAt: string, timeEntryId = ulid(), voided = false) =>
  event(TimeLoggedV1, {
    timeEntryId,
    patientId,
    practiceId,
    program: 'ccm',
    performer: 'clinical-staff',
    practitionerId: 'staff-cm-1',
    startedAt,
    minutes,
    voided,
  });

async function ledgerHead() {
  const { Item } = await createDocumentClient().send(
    new GetCommand({
      TableName: cloud.tableName('billing'),
      Key: keys.ledgerHead(tenantId, practiceId, '2026-10', patientId),
      ConsistentRead: true,
    }),
  );
  return Item;
}

const history: OutgoingEvent[] = [];

beforeAll(async () => {
  cloud = await startTestCloud([billingManifest]);
  cloud.setClock(new Date('2026-10-25T12:00:00Z'));
  history.push(
    event(ClaimSubscriberChangedV1, {
      referralId: ulid(),
      patientId,
      practiceId,
      version: 1,
      subscriber: {
        name: { given: ['Maria'], family: 'Lopez' },
        birthDate: '1951-04-12',
        sex: 'female',
        address: { line1: '12 Beacon St', city: 'Boston', state: 'MA', postalCode: '02108' },
      },
      coverage: {
        planType: 'medicare',
        payerId: 'cms',
        memberId: 'M-1001',
        mbi: '1EG4TE5MK73',
        startDate: '2026-01-01',
      },
    }),
    event(ConsentRecordedV1, {
      consentId: ulid(),
      patientId,
      practiceId,
      program: 'ccm',
      method: 'verbal',
      obtainedAt: '2026-10-02T14:00:00Z',
      billingPractitionerId: NPI,
    }),
    event(CarePlanEstablishedV1, {
      carePlanId: ulid(),
      caseId: ulid(),
      patientId,
      practiceId,
      program: 'ccm',
      version: 1,
      establishedAt: '2026-10-05T15:00:00Z',
      reviewDate: '2027-01-05',
      interventions: [],
      // The problem list documents long-term insulin use beside the referral's conditions.
      problemCodes: ['E11.9', 'Z79.4'],
    }),
    event(EligibilityDeterminedV1, {
      referralId: ulid(),
      patientId,
      practiceId,
      determinationVersion: 1,
      planType: 'medicare',
      programs: [{ program: 'ccm', status: 'eligible', reasons: ['CHRONIC_CONDITIONS_MET'] }],
      conditionCategories: ['diabetes', 'heart-failure', 'chronic-kidney-disease'],
      complexConditionForPcm: false,
      timeZone: 'America/New_York',
      lastVisit: { npi: NPI, date: '2026-06-15' },
      diagnoses: [
        { code: 'E11.9', categories: ['diabetes'] },
        { code: 'I50.22', categories: ['heart-failure'] },
        { code: 'N18.30', categories: ['chronic-kidney-disease'] },
      ],
    }),
    // 20 + 15 + 10 = 45 clinical-staff CCM minutes in October (New York); the last one is on
    // 1 November 01:30 UTC, still 31 October in Boston.
    timeLogged(20, '2026-10-10T15:00:00Z'),
    timeLogged(15, '2026-10-17T15:00:00Z'),
    timeLogged(10, '2026-11-01T01:30:00Z'),
  );
  await publish(history);
});

afterAll(async () => {
  await cloud?.stop();
});

describe('billing on the local cloud', () => {
  it('keeps the ledger counters from events, and replaying them changes nothing', async () => {
    expect(await ledgerHead()).toMatchObject({ ccmStaff: 45, entries: 3 });
    await publish(history);
    // The same facts under new event ids (a producer re-publishing) are absorbed too.
    const [first] = history.filter((e) => e.detailType === 'TimeLogged');
    if (!first) throw new Error('no time entry');
    await publish([event(TimeLoggedV1, first.detail.data as never)]);
    expect(await ledgerHead()).toMatchObject({ ccmStaff: 45, entries: 3 });
  });

  it('lists a patient 8 minutes short of 99490 on the worklist, not one 15 minutes short of 99439', async () => {
    const close = ulid();
    await publish([
      event(ConsentRecordedV1, {
        consentId: ulid(),
        patientId: close,
        practiceId,
        program: 'ccm',
        method: 'written',
        obtainedAt: '2026-10-01T14:00:00Z',
        billingPractitionerId: NPI,
      }),
      event(TimeLoggedV1, {
        timeEntryId: ulid(),
        patientId: close,
        practiceId,
        program: 'ccm',
        performer: 'clinical-staff',
        practitionerId: 'staff-cm-1',
        startedAt: '2026-10-12T15:00:00Z',
        minutes: 12,
        voided: false,
      }),
    ]);
    const lead = await apiClient(cloud, 'staff-boston-billing-lead');
    const res = await lead.get('/v1/billing/worklist?month=2026-10');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        patientId: close,
        tracks: [{ track: 'ccm-staff', countedMinutes: 12, nextThreshold: 20, minutesMissing: 8 }],
      },
    ]);
  });

  it('bills 45 clinical-staff minutes as 99490 + 99439 with an audit packet, CSV and FHIR', async () => {
    cloud.setClock(new Date('2026-11-01T12:00:00Z'));
    const lead = await apiClient(cloud, 'staff-boston-billing-lead');
    const started = await lead.post('/v1/billing/runs', { practiceId, month: '2026-10' });
    // Accepted: the run worker executes it once the request's event arrives.
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', attempt: 1, totals: null });
    const runId = started.body.runId as string;
    expect(started.headers.get('location')).toBe(`/v1/billing/runs/${runId}`);
    await cloud.settle();
    expect((await lead.get(`/v1/billing/runs/${runId}`)).body).toMatchObject({
      status: 'completed',
      attempt: 1,
      totals: { claimLines: 2, billedPatients: 1 },
    });
    const listed = await lead.get('/v1/billing/runs?month=2026-10');
    expect(listed.body.items.map((run: { runId: string }) => run.runId)).toEqual([runId]);
    expect((await lead.get('/v1/billing/runs?month=2026-09')).body.items).toEqual([]);
    const elsewhere = await apiClient(cloud, 'staff-denver-billing-lead');
    expect((await elsewhere.get('/v1/billing/runs?month=2026-10')).body.items).toEqual([]);

    const again = await lead.post('/v1/billing/runs', { practiceId, month: '2026-10' });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ runId, status: 'running', attempt: 2 });
    await cloud.settle();
    expect((await lead.get(`/v1/billing/runs/${runId}`)).body).toMatchObject({
      status: 'completed',
      attempt: 2,
      lastDifference: { added: 0, changed: 0, superseded: 0 },
    });

    const claims = await lead.get(`/v1/billing/runs/${runId}/claims?format=json`);
    expect(claims.body.lines.map((l: { cpt: string; units: number }) => [l.cpt, l.units])).toEqual([
      ['99439', 1],
      ['99490', 1],
    ]);
    expect(claims.body.lines[0]).toMatchObject({
      patientId,
      billingPractitionerNpi: NPI,
      dateOfService: '2026-10-31',
      diagnosisCodes: ['E11.9', 'I50.22', 'N18.30', 'Z79.4'],
    });

    const csv = await lead.get(`/v1/billing/runs/${runId}/claims?format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = (csv.body as string).trimEnd().split('\r\n');
    expect(rows).toHaveLength(3);
    // The practice's charge master prices both codes; the expected payment is Boston's locality fee.
    expect(rows.slice(1).map((row) => row.split(',').slice(3, 19).join(','))).toEqual([
      `National Government Services,14212,MB,1EG4TE5MK73,Lopez,Maria,1951-04-12,${NPI},042103594,${NPI},11,2026-10-31,99439,1,75.00,55.55`,
      `National Government Services,14212,MB,1EG4TE5MK73,Lopez,Maria,1951-04-12,${NPI},042103594,${NPI},11,2026-10-31,99490,1,95.00,76.02`,
    ]);
    expect(claims.body.withheld).toEqual([]);

    const x12 = await lead.get(`/v1/billing/runs/${runId}/claims?format=x12`);
    expect(x12.status).toBe(200);
    expect(x12.headers.get('content-type')).toContain('application/edi-x12');
    const [interchange] = readX12(x12.body as string);
    const segments = interchange?.groups[0]?.transactions[0]?.segments ?? [];
    expect(segments.find((s) => s.tag === 'NM1' && s.elements[0] === 'IL')?.elements[8]).toBe('1EG4TE5MK73');
    expect(segments.filter((s) => s.tag === 'SV1').map((s) => s.elements[0])).toEqual([
      'HC:99439',
      'HC:99490',
    ]);
    // Each export takes new interchange control numbers.
    const reexported = readX12(
      (await lead.get(`/v1/billing/runs/${runId}/claims?format=x12`)).body as string,
    );
    expect(Number(reexported[0]?.isa.elements[12])).toBe(Number(interchange?.isa.elements[12]) + 1);

    const fhir = await lead.get(`/v1/billing/runs/${runId}/claims?format=fhir`);
    expect(fhir.headers.get('content-type')).toContain('application/fhir+json');
    expect(fhir.body.resourceType).toBe('Bundle');
    expect(fhir.body.entry[0].resource.item).toHaveLength(2);

    const summary = await lead.get(`/v1/billing/runs/${runId}/summary`);
    expect(summary.body).toMatchObject({ patients: 2, billedPatients: 1 });
    expect(summary.body.notBilled.map((g: { reason: string }) => g.reason)).toEqual([
      'INSUFFICIENT_CHRONIC_CONDITIONS',
      'NO_CARE_PLAN',
      // The second patient's practitioner never saw them: no initiating visit either.
      'NO_INITIATING_VISIT',
    ]);
    expect(summary.body.codes).toEqual([
      { code: '99439', patients: 1, units: 1 },
      { code: '99490', patients: 1, units: 1 },
    ]);

    const audit = await lead.get(`/v1/billing/runs/${runId}/audit`);
    const packet = audit.body.items.find((p: { patientId: string }) => p.patientId === patientId);
    expect(packet.consent).toMatchObject({ billingPractitionerId: NPI, obtainedAt: '2026-10-02T14:00:00Z' });
    expect(packet.carePlan).toMatchObject({ version: 1 });
    expect(packet.eligibility).toMatchObject({ chronicConditionCount: 3 });
    expect(packet.countedEntries.map((e: { minutes: number }) => e.minutes)).toEqual([20, 15, 10]);

    await cloud.settle();
    const completed = cloud.bus.events().filter((e) => e['detail-type'] === 'BillingRunCompleted');
    expect(completed.map((e) => (e.detail as { data: { attempt: number } }).data.attempt)).toEqual([1, 2]);
  });

  it('freezes a finalised run and hides it from another practice', async () => {
    const lead = await apiClient(cloud, 'staff-boston-billing-lead');
    const other = await apiClient(cloud, 'staff-denver-billing-lead');
    const run = await lead.post('/v1/billing/runs', { practiceId, month: '2026-10' });
    const runId = run.body.runId as string;
    await cloud.settle();

    expect((await other.get(`/v1/billing/runs/${runId}`)).status).toBe(404);
    expect((await other.get(`/v1/billing/runs/${runId}/claims?format=csv`)).status).toBe(404);
    expect((await other.post(`/v1/billing/runs/${runId}/finalize`)).status).toBe(404);
    expect((await other.post('/v1/billing/runs', { practiceId, month: '2026-10' })).status).toBe(404);

    const finalized = await lead.post(`/v1/billing/runs/${runId}/finalize`);
    expect(finalized.status).toBe(200);
    expect(finalized.body.status).toBe('finalized');
    await publish([timeLogged(30, '2026-10-20T15:00:00Z')]);
    const rerun = await lead.post('/v1/billing/runs', { practiceId, month: '2026-10' });
    expect(rerun.status).toBe(409);
    expect(rerun.body.existing).toBe(`/v1/billing/runs/${runId}`);
    const claims = await lead.get(`/v1/billing/runs/${runId}/claims`);
    expect(claims.body.lines).toHaveLength(2);
  });

  it('records visits for the initiating-visit rule, for the practice’s own patients only', async () => {
    const lead = await apiClient(cloud, 'staff-boston-billing-lead');
    const other = await apiClient(cloud, 'staff-denver-billing-lead');
    const visit = { practitionerNpi: NPI, kind: 'awv', at: '2026-09-02T14:00:00Z' };
    const recorded = await lead.post(`/v1/billing/patients/${patientId}/visits`, visit);
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body).toMatchObject({ ...visit, patientId, visitId: expect.any(String) });
    expect((await other.post(`/v1/billing/patients/${patientId}/visits`, visit)).status).toBe(404);
    const future = await lead.post(`/v1/billing/patients/${patientId}/visits`, {
      ...visit,
      at: '2099-01-01T00:00:00Z',
    });
    expect(future.status).toBe(422);
    expect(
      (await lead.post(`/v1/billing/patients/${patientId}/visits`, { ...visit, kind: 'phone-call' })).status,
    ).toBe(422);
  });

  it('answers bad input with 4xx problems', async () => {
    const lead = await apiClient(cloud, 'staff-boston-billing-lead');
    const unknownField = await lead.put(`/v1/billing/patients/${patientId}/months/2026-10/mdm`, {
      level: 'high',
      name: 'x',
    });
    expect(unknownField.status).toBe(422);
    expect((await lead.post('/v1/billing/runs', { practiceId, month: '2026-13' })).status).toBe(422);
    expect((await lead.post('/v1/billing/runs', { practiceId, month: '2026-12' })).status).toBe(422);
    expect((await lead.get('/v1/billing/runs/01JD3Y7T5V0M3Q8W9X2Z4A6B8N')).status).toBe(404);
    const mdm = await lead.put(`/v1/billing/patients/${patientId}/months/2026-11/mdm`, { level: 'moderate' });
    expect(mdm.status).toBe(200);
    expect(mdm.body).toMatchObject({ patientId, month: '2026-11', medicalDecisionMaking: 'moderate' });
    const stranger = '01JD3Y7T5V0M3Q8W9X2Z4A6B8Z';
    expect(
      (await lead.put(`/v1/billing/patients/${stranger}/months/2026-11/mdm`, { level: 'low' })).status,
    ).toBe(404);
    expect(
      (await lead.put(`/v1/billing/patients/${stranger}/months/2026-11/other-billed`, { codes: [] })).status,
    ).toBe(404);
  });
});
