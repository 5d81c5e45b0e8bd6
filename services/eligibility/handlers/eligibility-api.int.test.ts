import {
  type EventContract,
  ReferralCancelledV1,
  type ReferralReceivedData,
  ReferralReceivedV1,
  ReferralUpdatedV1,
} from '@carelink/contracts';
import type { LocalCloud } from '@carelink/local/cloud';
import { apiClient } from '@carelink/local/testing/api-client';
import { contractEvent, publishEvents } from '@carelink/local/testing/bus';
import { startTestCloud } from '@carelink/local/testing/local-cloud-fixture';
import { monotonicFactory } from 'ulid';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { COVERAGE_OUTAGE_VARIABLE } from '../adapters/convention-coverage-verifier';
import { eligibilityManifest } from '../manifest';

const ulid = monotonicFactory();
/** A Tuesday: 2026-06-12 was a Friday, so TCM deadlines cross a weekend. */
const NOW = new Date('2026-06-16T15:00:00Z');
const NPI_A = '1234567893';
const NPI_B = '1245319599';

type ReferralData = z.input<typeof ReferralReceivedData>;
interface Program {
  program: string;
  status: string;
  reasons: string[];
  consentRequired?: boolean;
  tcm?: Record<string, string>;
}
interface Determined {
  referralId: string;
  patientId: string;
  determinationVersion: number;
  planType: string;
  coverageStatus: string;
  conditionCategories: string[];
  complexConditionForPcm: boolean;
  programs: Program[];
}

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startTestCloud([eligibilityManifest]);
  cloud.setClock(NOW);
});
afterAll(async () => {
  await cloud?.stop();
});
afterEach(() => {
  delete process.env[COVERAGE_OUTAGE_VARIABLE];
});

function referral(overrides: Partial<ReferralData> = {}): ReferralData {
  return {
    referralId: ulid(),
    patientId: ulid(),
    practiceId: 'practice-boston',
    requestedPrograms: [],
    priority: 'routine',
    coverage: { payerId: 'medicare-ffs', planType: 'medicare', memberId: 'M-1001', startDate: '2020-01-01' },
    reason: { type: 'chronic-care' },
    diagnosisCodes: ['E11.9', 'I50.22', 'N18.30'],
    utilization: { admissions6m: 0, edVisits6m: 0 },
    attributedPractitioner: { npi: NPI_A, lastVisitDate: '2026-03-02' },
    preferredLanguage: 'en',
    timeZone: 'America/New_York',
    ...overrides,
  };
}

/** Publishes a contract event (`times` copies of it, as a redelivering bus would) and waits for the consumers. */
async function publish<C extends EventContract>(
  contract: C,
  data: z.input<C['data']>,
  options: { tenantId?: string; eventId?: string; times?: number } = {},
) {
  const { times = 1, ...metadata } = options;
  const event = contractEvent(contract, data, { ...metadata, occurredAt: NOW.toISOString() });
  await publishEvents(
    cloud,
    Array.from({ length: times }, () => event),
  );
}

function published(detailType: string, match: (data: Record<string, unknown>) => boolean) {
  return cloud.bus
    .events()
    .filter((e) => e['detail-type'] === detailType)
    .map((e) => (e.detail as { data: Record<string, unknown> }).data)
    .filter(match);
}

const determinations = (referralId: string) =>
  published('EligibilityDetermined', (d) => d.referralId === referralId) as unknown as Determined[];
const latest = (referralId: string) => determinations(referralId).at(-1);
const programOf = (d: Determined | undefined, program: string) =>
  d?.programs.find((p) => p.program === program);

describe('eligibility on referral events', () => {
  it('passes on what billing needs: the patient key, the documented codes with their categories, the last visit', async () => {
    const patientKey = 'a'.repeat(64);
    const data = referral({ patientKey });
    await publish(ReferralReceivedV1, data);
    const determined = latest(data.referralId) as unknown as Record<string, unknown>;
    expect(determined.patientKey).toBe(patientKey);
    expect(determined.lastVisit).toEqual({ npi: NPI_A, date: '2026-03-02' });
    expect(determined.diagnoses).toEqual([
      { code: 'E11.9', categories: ['diabetes'] },
      { code: 'I50.22', categories: ['heart-failure'] },
      { code: 'N18.30', categories: ['chronic-kidney-disease'] },
    ]);
  });

  it("re-determines on a partner's corrected diagnoses and passes the corrected codes on to billing", async () => {
    const data = referral();
    await publish(ReferralReceivedV1, data);
    await publish(ReferralUpdatedV1, {
      ...data,
      diagnosisCodes: ['E11.65', 'I50.22', 'N18.30', 'J44.9'],
      version: 2,
    });
    const determined = latest(data.referralId) as unknown as Record<string, unknown>;
    expect(determined.determinationVersion).toBe(2);
    expect(determined.diagnoses).toEqual([
      { code: 'E11.65', categories: ['diabetes'] },
      { code: 'I50.22', categories: ['heart-failure'] },
      { code: 'N18.30', categories: ['chronic-kidney-disease'] },
      { code: 'J44.9', categories: ['copd'] },
    ]);
  });

  it('finds a Medicare member with diabetes, heart failure and CKD eligible for CCM, consent still required', async () => {
    const data = referral();
    await publish(ReferralReceivedV1, data);
    const [determined, ...more] = determinations(data.referralId);
    expect(more).toHaveLength(0);
    expect(determined).toMatchObject({
      patientId: data.patientId,
      practiceId: 'practice-boston',
      determinationVersion: 1,
      planType: 'medicare',
      coverageStatus: 'active',
      complexConditionForPcm: true,
      timeZone: 'America/New_York',
      preferredLanguage: 'en',
    });
    expect(determined?.conditionCategories).toEqual(
      expect.arrayContaining(['diabetes', 'heart-failure', 'chronic-kidney-disease']),
    );
    expect(programOf(determined, 'ccm')).toMatchObject({
      status: 'eligible',
      consentRequired: true,
      initiatingVisitRequired: false,
    });
    expect(programOf(determined, 'ccm')?.reasons).toContain('CHRONIC_CONDITIONS_MET');
    expect(programOf(determined, 'tcm')?.status).toBe('ineligible');
    expect(JSON.stringify(determined)).not.toContain('M-1001');

    const staff = await apiClient(cloud, 'staff-boston-care-manager');
    const res = await staff.get(`/v1/patients/${data.patientId}/eligibility`);
    expect(res.status).toBe(200);
    const [current] = res.body.determinations;
    expect(current).toMatchObject({
      referralId: data.referralId,
      determinationVersion: 1,
      coverage: { status: 'active', reverificationPending: false },
    });
    const ccm = current.programs.find((p: Program) => p.program === 'ccm');
    expect(ccm.reasons).toContainEqual({
      code: 'CHRONIC_CONDITIONS_MET',
      text: expect.stringContaining('chronic condition'),
    });
    expect(JSON.stringify(res.body)).not.toContain('M-1001');
  });

  it('gives a post-discharge referral TCM with deadlines counted in business days', async () => {
    const data = referral({
      reason: { type: 'post-discharge', dischargeDate: '2026-06-12', dischargeFacilityType: 'inpatient' },
      diagnosisCodes: ['I50.22'],
    });
    await publish(ReferralReceivedV1, data);
    const tcm = programOf(latest(data.referralId), 'tcm');
    expect(tcm).toMatchObject({
      status: 'eligible',
      tcm: {
        dischargeDate: '2026-06-12',
        interactiveContactDue: '2026-06-16',
        faceToFaceDueHighComplexity: '2026-06-19',
        faceToFaceDueModerateComplexity: '2026-06-26',
      },
    });
    expect(tcm?.reasons).toContain('DISCHARGE_WITHIN_WINDOW');
  });

  it('asks for an authorization for a commercial high utilizer, then finds them eligible once it arrives', async () => {
    const data = referral({
      coverage: {
        payerId: 'acme-commercial',
        planType: 'commercial',
        memberId: 'C-77',
        startDate: '2025-01-01',
      },
      reason: { type: 'high-utilizer' },
      requestedPrograms: ['case-management'],
      utilization: { admissions6m: 3, edVisits6m: 1 },
    });
    await publish(ReferralReceivedV1, data);
    const first = latest(data.referralId);
    expect(first?.programs).toHaveLength(1);
    expect(programOf(first, 'case-management')).toMatchObject({ status: 'needs-information' });
    expect(programOf(first, 'case-management')?.reasons).toContain('AUTHORIZATION_MISSING');

    const authorization = { authorizedUnits: 12, fundingSource: 'acme-cm', validUntil: '2026-12-31' };
    await publish(ReferralUpdatedV1, { ...data, authorization, version: 2 });
    const second = latest(data.referralId);
    expect(second?.determinationVersion).toBe(2);
    expect(programOf(second, 'case-management')).toMatchObject({ status: 'eligible' });
    expect(programOf(second, 'case-management')?.reasons).toContain('AUTHORIZATION_VALID');

    // A late copy of the original referral is stale: it neither re-determines nor lowers the version.
    await publish(ReferralReceivedV1, data);
    expect(determinations(data.referralId)).toHaveLength(2);
    const staff = await apiClient(cloud, 'staff-boston-care-manager');
    const res = await staff.get(`/v1/patients/${data.patientId}/eligibility`);
    expect(res.body.determinations[0].determinationVersion).toBe(2);
  });

  it('determines once when the same referral event is delivered twice or re-published', async () => {
    const data = referral();
    const eventId = ulid();
    await publish(ReferralReceivedV1, data, { eventId, times: 2 });
    await publish(ReferralReceivedV1, data, { eventId });
    await publish(ReferralReceivedV1, data);
    expect(determinations(data.referralId)).toHaveLength(1);
  });

  it('follows the payer answer by member id: inactive coverage makes CCM ineligible', async () => {
    const data = referral({
      coverage: {
        payerId: 'medicare-ffs',
        planType: 'medicare',
        memberId: 'INACTIVE-9',
        startDate: '2020-01-01',
      },
    });
    await publish(ReferralReceivedV1, data);
    const ccm = programOf(latest(data.referralId), 'ccm');
    expect(ccm?.status).toBe('ineligible');
    expect(ccm?.reasons).toContain('COVERAGE_INACTIVE');
  });
});

describe('coverage outage', () => {
  it('never guesses during an outage and publishes a new determination once the payer answers again', async () => {
    process.env[COVERAGE_OUTAGE_VARIABLE] = 'on';
    const data = referral();
    await publish(ReferralReceivedV1, data);
    const during = latest(data.referralId);
    expect(during).toMatchObject({ determinationVersion: 1, coverageStatus: 'unknown' });
    for (const program of ['ccm', 'pcm', 'case-management', 'tcm']) {
      expect(programOf(during, program)?.reasons).toContain('COVERAGE_UNVERIFIED');
    }
    expect(programOf(during, 'ccm')?.status).toBe('needs-information');

    const staff = await apiClient(cloud, 'staff-boston-care-manager');
    const pending = await staff.get(`/v1/patients/${data.patientId}/eligibility`);
    expect(pending.body.determinations[0].coverage).toMatchObject({
      status: 'unknown',
      reverificationPending: true,
    });

    // Still down: the schedule retries without publishing anything new.
    await cloud.scheduler.runNow('coverage-reverification');
    await cloud.settle();
    expect(determinations(data.referralId)).toHaveLength(1);

    delete process.env[COVERAGE_OUTAGE_VARIABLE];
    await cloud.scheduler.runNow('coverage-reverification');
    await cloud.settle();
    const after = latest(data.referralId);
    expect(after).toMatchObject({ determinationVersion: 2, coverageStatus: 'active' });
    expect(programOf(after, 'ccm')?.status).toBe('eligible');
    const resolved = await staff.get(`/v1/patients/${data.patientId}/eligibility`);
    expect(resolved.body.determinations[0].coverage.reverificationPending).toBe(false);

    // Nothing is pending any more: another run publishes nothing.
    await cloud.scheduler.runNow('coverage-reverification');
    await cloud.settle();
    expect(determinations(data.referralId)).toHaveLength(2);
  });
});

describe('consent', () => {
  const consentBody = (overrides: Record<string, unknown> = {}) => ({
    program: 'ccm',
    method: 'verbal',
    obtainedAt: '2026-06-16T14:30:00Z',
    obtainedBy: 'staff-boston-care-manager',
    billingPractitionerNpi: NPI_A,
    rightToStopAnyTime: true,
    onlyOnePractitionerBillsPerMonth: true,
    costSharingExplained: true,
    ...overrides,
  });

  it('is recorded, revoked and re-required after a billing practitioner change, each as events', async () => {
    const data = referral();
    await publish(ReferralReceivedV1, data);
    const staff = await apiClient(cloud, 'staff-boston-care-manager');
    const path = `/v1/patients/${data.patientId}/consents`;

    const first = await staff.post(path, consentBody());
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'active',
      billingPractitionerNpi: NPI_A,
      practiceId: 'practice-boston',
    });
    await cloud.settle();
    expect(published('ConsentRecorded', (d) => d.consentId === first.body.consentId)).toEqual([
      expect.objectContaining({ patientId: data.patientId, program: 'ccm', billingPractitionerId: NPI_A }),
    ]);
    expect(latest(data.referralId)?.determinationVersion).toBe(2);
    expect(programOf(latest(data.referralId), 'ccm')?.consentRequired).toBe(false);
    expect(programOf(latest(data.referralId), 'ccm')?.reasons).toContain('CONSENT_ON_FILE');

    const revoked = await staff.post(`${path}/${first.body.consentId}/revoke`, {
      revokedAt: '2026-06-16T14:45:00Z',
      reason: 'patient-request',
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revocationReason: 'patient-request' });
    await cloud.settle();
    expect(published('ConsentRevoked', (d) => d.consentId === first.body.consentId)).toEqual([
      expect.objectContaining({ reason: 'patient-request', billingPractitionerId: NPI_A }),
    ]);
    expect(latest(data.referralId)?.determinationVersion).toBe(3);
    expect(programOf(latest(data.referralId), 'ccm')?.consentRequired).toBe(true);

    const again = await staff.post(`${path}/${first.body.consentId}/revoke`, {
      revokedAt: '2026-06-16T14:50:00Z',
      reason: 'other',
    });
    expect(again.status).toBe(409);

    const second = await staff.post(path, consentBody({ obtainedAt: '2026-06-16T14:55:00Z' }));
    await cloud.settle();
    expect(programOf(latest(data.referralId), 'ccm')?.consentRequired).toBe(false);

    // Consent for another billing practitioner supersedes the active one; the referral's
    // practitioner no longer has consent, so it is required again.
    const other = await staff.post(
      path,
      consentBody({ obtainedAt: '2026-06-16T14:58:00Z', billingPractitionerNpi: NPI_B }),
    );
    expect(other.status).toBe(201);
    expect(other.body.supersedesConsentId).toBe(second.body.consentId);
    await cloud.settle();
    expect(published('ConsentRevoked', (d) => d.consentId === second.body.consentId)).toEqual([
      expect.objectContaining({ reason: 'superseded', billingPractitionerId: NPI_A }),
    ]);
    expect(published('ConsentRecorded', (d) => d.consentId === other.body.consentId)).toEqual([
      expect.objectContaining({ billingPractitionerId: NPI_B, supersedesConsentId: second.body.consentId }),
    ]);
    const final = latest(data.referralId);
    expect(final?.determinationVersion).toBe(5);
    expect(programOf(final, 'ccm')?.consentRequired).toBe(true);

    const history = await staff.get(path);
    expect(history.status).toBe(200);
    expect(
      history.body.items.map((c: { status: string; revocationReason?: string }) => [
        c.status,
        c.revocationReason,
      ]),
    ).toEqual([
      ['revoked', 'patient-request'],
      ['revoked', 'superseded'],
      ['active', undefined],
    ]);
  });

  it('replays a repeated Idempotency-Key without recording a second consent', async () => {
    const data = referral();
    await publish(ReferralReceivedV1, data);
    const staff = await apiClient(cloud, 'staff-boston-care-manager');
    const path = `/v1/patients/${data.patientId}/consents`;
    const headers = { 'idempotency-key': `consent-${ulid()}` };
    const first = await staff.post(path, consentBody(), headers);
    const replay = await staff.post(path, consentBody(), headers);
    expect(replay.status).toBe(201);
    expect(replay.body.consentId).toBe(first.body.consentId);
    expect((await staff.get(path)).body.items).toHaveLength(1);
  });

  it('rejects a malformed consent with 422 listing every bad field', async () => {
    const data = referral();
    await publish(ReferralReceivedV1, data);
    const staff = await apiClient(cloud, 'staff-boston-care-manager');
    const path = `/v1/patients/${data.patientId}/consents`;

    const malformed = await staff.post(path, {
      program: 'tcm',
      method: 'verbal',
      billingPractitionerNpi: '1234567890',
      rightToStopAnyTime: true,
      onlyOnePractitionerBillsPerMonth: true,
      costSharingExplained: true,
      favouriteColour: 'blue',
    });
    expect(malformed.status).toBe(422);
    expect(malformed.headers.get('content-type')).toBe('application/problem+json');
    const paths = malformed.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['program', 'obtainedAt', 'obtainedBy', 'billingPractitionerNpi']),
    );
    expect(malformed.body.errors.some((e: { code: string }) => e.code === 'unrecognized_keys')).toBe(true);

    const incomplete = await staff.post(
      path,
      consentBody({ onlyOnePractitionerBillsPerMonth: false, costSharingExplained: false }),
    );
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.errors).toEqual([
      { path: 'onlyOnePractitionerBillsPerMonth', code: 'must_be_true' },
      { path: 'costSharingExplained', code: 'must_be_true' },
    ]);

    const future = await staff.post(path, consentBody({ obtainedAt: '2026-06-17T15:00:00Z' }));
    expect(future.status).toBe(422);
    expect((await staff.get(path)).body.items).toHaveLength(0);
  });
});

describe('access', () => {
  it('answers 404 to staff of another practice or tenant and for unknown patients, 403 to partners', async () => {
    const data = referral();
    await publish(ReferralReceivedV1, data);
    const elsewhere = referral({ practiceId: 'practice-cambridge' });
    await publish(ReferralReceivedV1, elsewhere);

    const denver = await apiClient(cloud, 'staff-denver-care-manager');
    expect((await denver.get(`/v1/patients/${data.patientId}/eligibility`)).status).toBe(404);
    expect((await denver.get(`/v1/patients/${data.patientId}/consents`)).status).toBe(404);
    expect(
      (
        await denver.post(`/v1/patients/${data.patientId}/consents`, {
          program: 'ccm',
          method: 'written',
          obtainedAt: '2026-06-16T14:30:00Z',
          obtainedBy: 'staff-denver-care-manager',
          billingPractitionerNpi: NPI_B,
          rightToStopAnyTime: true,
          onlyOnePractitionerBillsPerMonth: true,
          costSharingExplained: true,
        })
      ).status,
    ).toBe(404);

    const boston = await apiClient(cloud, 'staff-boston-care-manager');
    expect((await boston.get(`/v1/patients/${elsewhere.patientId}/eligibility`)).status).toBe(404);
    expect((await boston.get(`/v1/patients/${elsewhere.patientId}/consents`)).status).toBe(404);
    expect((await boston.get(`/v1/patients/${ulid()}/eligibility`)).status).toBe(404);
    expect((await boston.get(`/v1/patients/${data.patientId}/eligibility`)).status).toBe(200);

    const billing = await apiClient(cloud, 'staff-boston-billing-lead');
    expect((await billing.post(`/v1/patients/${data.patientId}/consents`, {})).status).toBe(403);
    const partner = await apiClient(cloud, 'northwind-health');
    expect((await partner.get(`/v1/patients/${data.patientId}/eligibility`)).status).toBe(403);
  });
});

describe('a partner cancels the referral', () => {
  it('withdraws the determination and stops re-verifying coverage for it', async () => {
    process.env[COVERAGE_OUTAGE_VARIABLE] = 'on';
    const data = referral();
    await publish(ReferralReceivedV1, data);
    await publish(ReferralCancelledV1, {
      referralId: data.referralId,
      patientId: data.patientId,
      reasonCode: 'member-declined',
    });
    const staff = await apiClient(cloud, 'staff-boston-care-manager');
    const read = await staff.get(`/v1/patients/${data.patientId}/eligibility`);
    expect(read.body.determinations[0]).toMatchObject({
      withdrawn: { reasonCode: 'member-declined' },
      coverage: { reverificationPending: false },
    });
    delete process.env[COVERAGE_OUTAGE_VARIABLE];
    await cloud.scheduler.runNow('coverage-reverification');
    await cloud.settle();
    expect(determinations(data.referralId)).toHaveLength(1);
  });

  it('never determines a referral whose cancellation arrived first', async () => {
    const data = referral();
    await publish(ReferralCancelledV1, {
      referralId: data.referralId,
      patientId: data.patientId,
      reasonCode: 'duplicate',
    });
    await publish(ReferralReceivedV1, data);
    expect(determinations(data.referralId)).toHaveLength(0);
  });
});
