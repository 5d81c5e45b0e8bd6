import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '@carelink/lambda-kit';
import type { LocalCloud } from '@carelink/local/cloud';
import { type ApiClient, apiClient } from '@carelink/local/testing/api-client';
import { startTestCloud } from '@carelink/local/testing/local-cloud-fixture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditManifest } from '../manifest';
import { patientFixtureManifest } from '../testing/patient-fixture/manifest';

const patientId = '01JD3Y7T5V0M3Q8W9X2Z4A6B8D';
const otherPatientId = '01JD3Y7T5V0M3Q8W9X2Z4A6B8E';
const notes = (patient: string) => `/v1/audit-fixture/patients/${patient}/notes`;

let cloud: LocalCloud;
let bostonCareManager: ApiClient;
let bostonCompliance: ApiClient;
let denverCompliance: ApiClient;
const correlation = { read: 'corr-audit-read-1', write: 'corr-audit-write-1' };

beforeAll(async () => {
  cloud = await startTestCloud([auditManifest, patientFixtureManifest]);
  bostonCareManager = await apiClient(cloud, 'staff-boston-care-manager');
  bostonCompliance = await apiClient(cloud, 'staff-boston-compliance');
  denverCompliance = await apiClient(cloud, 'staff-denver-compliance');

  const read = await bostonCareManager.get(notes(patientId), { 'x-correlation-id': correlation.read });
  expect(read.status).toBe(200);
  const write = await bostonCareManager.post(
    notes(patientId),
    { text: 'Maria Lopez reports dizziness' },
    { 'x-correlation-id': correlation.write },
  );
  expect(write.status).toBe(201);
  // Another tenant's staff read a patient with the same id: never visible to acme-health.
  const denver = await apiClient(cloud, 'staff-denver-care-manager');
  expect((await denver.get(notes(patientId))).status).toBe(200);
  // The tenant's partner reads too: recorded without a practice.
  const partner = await apiClient(cloud, 'northwind-health');
  expect((await partner.get(notes(patientId))).status).toBe(200);
  await bostonCareManager.get(notes(otherPatientId));
  await cloud.settle();
});
afterAll(async () => {
  await cloud?.stop();
});

describe('the audit trail', () => {
  it("shows a staff member's read and write of a patient to their tenant's compliance staff, newest first", async () => {
    const res = await bostonCompliance.get(`/v1/audit?patientId=${patientId}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    const [write, read] = res.body.items;
    expect(write).toMatchObject({
      correlationId: correlation.write,
      subject: 'staff-boston-care-manager',
      role: 'care-manager',
      practiceId: 'practice-boston',
      service: 'intake',
      operationId: 'auditFixtureAddNote',
      method: 'POST',
      routeTemplate: '/v1/audit-fixture/patients/{patientId}/notes',
      pathParameters: { patientId },
      patientId,
      status: 201,
    });
    expect(read).toMatchObject({
      correlationId: correlation.read,
      operationId: 'auditFixtureReadNotes',
      method: 'GET',
      patientId,
      status: 200,
    });
    expect(Date.parse(write.at)).toBeGreaterThanOrEqual(Date.parse(read.at));
    expect(JSON.stringify(res.body)).not.toMatch(/Maria|dizziness|CHF/);
    expect(res.body.nextCursor).toBeUndefined();
  });

  it("never shows another tenant's records", async () => {
    const res = await denverCompliance.get(`/v1/audit?patientId=${patientId}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      subject: 'staff-denver-care-manager',
      practiceId: 'practice-denver',
    });
    const bySubject = await denverCompliance.get('/v1/audit?subject=staff-boston-care-manager');
    expect(bySubject.body.items).toEqual([]);
  });

  it('lists what one subject did, across patients, within a time range', async () => {
    const all = await bostonCompliance.get('/v1/audit?subject=staff-boston-care-manager');
    expect(all.status).toBe(200);
    expect(all.body.items.map((item: { patientId: string }) => item.patientId)).toEqual([
      otherPatientId,
      patientId,
      patientId,
    ]);
    const to = all.body.items[1].at;
    const until = await bostonCompliance.get(
      `/v1/audit?subject=staff-boston-care-manager&to=${encodeURIComponent(to)}`,
    );
    expect(until.body.items).toHaveLength(2);
    const since = await bostonCompliance.get(
      `/v1/audit?subject=staff-boston-care-manager&from=${encodeURIComponent(to)}`,
    );
    expect(since.body.items).toHaveLength(2);
  });

  it('pages with an opaque cursor that only its own tenant and query can use', async () => {
    const first = await bostonCompliance.get(`/v1/audit?patientId=${patientId}&limit=1`);
    expect(first.body.items[0].correlationId).toBe(correlation.write);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const cursor = encodeURIComponent(first.body.nextCursor);
    const second = await bostonCompliance.get(`/v1/audit?patientId=${patientId}&limit=1&cursor=${cursor}`);
    expect(second.body.items[0].correlationId).toBe(correlation.read);
    expect((await denverCompliance.get(`/v1/audit?patientId=${patientId}&cursor=${cursor}`)).status).toBe(
      422,
    );
    expect(
      (await bostonCompliance.get(`/v1/audit?patientId=${otherPatientId}&cursor=${cursor}`)).status,
    ).toBe(422);
  });

  it("shows a practice's compliance staff only their practice's requests, not the partner's", async () => {
    const partnerClient = cloud.partners.find((p) => p.partnerId === 'northwind-health')?.clientId;
    const res = await bostonCompliance.get(`/v1/audit?subject=${partnerClient}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    // The partner's read is in the trail, for tenant-level compliance.
    const { Items = [] } = await createDocumentClient().send(
      new ScanCommand({
        TableName: cloud.tableName('audit'),
        FilterExpression: 'kind = :k AND subject = :s',
        ExpressionAttributeValues: { ':k': 'access', ':s': partnerClient },
      }),
    );
    expect(Items).toHaveLength(1);
    expect(Items[0]).toMatchObject({
      role: 'partner',
      partnerId: 'northwind-health',
      patientId,
      status: 200,
    });
    expect(Items[0]?.practiceId).toBeUndefined();
  });

  it('keeps records six years and records the compliance reads themselves', async () => {
    const db = createDocumentClient();
    const { Items = [] } = await db.send(
      new ScanCommand({
        TableName: cloud.tableName('audit'),
        FilterExpression: 'kind = :k',
        ExpressionAttributeValues: { ':k': 'access' },
      }),
    );
    const stored = Items.find((item) => item.correlationId === correlation.read);
    const years = (stored?.expiresAt - Date.parse(stored?.at) / 1000) / (365.25 * 24 * 3600);
    expect(years).toBeCloseTo(6, 1);
    // Reading the trail is an access too, recorded under the compliance user's subject.
    await bostonCompliance.get(`/v1/audit?patientId=${patientId}`, { 'x-correlation-id': 'corr-audit-own' });
    await cloud.settle();
    const own = await bostonCompliance.get('/v1/audit?subject=staff-boston-compliance');
    const record = own.body.items.find(
      (item: { correlationId: string }) => item.correlationId === 'corr-audit-own',
    );
    expect(record).toMatchObject({
      subject: 'staff-boston-compliance',
      role: 'compliance',
      service: 'audit',
      operationId: 'listAccessRecords',
      pathParameters: {},
      status: 200,
    });
    expect(record.patientId).toBeUndefined();
  });

  it('answers 403 to a client without audit:read and 422 without a patient or subject', async () => {
    const careManager = await bostonCareManager.get(`/v1/audit?patientId=${patientId}`);
    expect(careManager.status).toBe(403);
    const partner = await apiClient(cloud, 'northwind-health');
    expect((await partner.get(`/v1/audit?patientId=${patientId}`)).status).toBe(403);
    const neither = await bostonCompliance.get('/v1/audit');
    expect(neither.status).toBe(422);
    const backwards = await bostonCompliance.get(
      `/v1/audit?patientId=${patientId}&from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z`,
    );
    expect(backwards.status).toBe(422);
  });
});
