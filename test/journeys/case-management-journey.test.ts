import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../packages/local/src/cloud';
import { type ApiClient, apiClient } from '../../packages/local/src/testing/api-client';
import { eventually, startJourneyCloud } from './ccm-journey';

/**
 * Scenario: a commercial health plan refers a high utilizer (3 admissions in 6 months) for acute
 * case management without the authorization the plan requires. Eligibility answers
 * needs-information with AUTHORIZATION_MISSING, which the partner reads on the referral. The
 * partner adds the authorization with a PATCH conditional on the ETag it read; eligibility
 * re-determines the corrected referral as eligible, a case opens and the partner sees it enrolled.
 */

const externalReferralId = `ACME-CM-${Date.now()}`;
const cmMember = {
  memberId: 'ACME-C-77120',
  name: { given: ['Rosa'], family: 'Delgado' },
  birthDate: '1968-11-23',
  sex: 'female' as const,
  phone: '+16175550161',
  address: { line1: '31 Elm St', city: 'Worcester', state: 'MA', postalCode: '01608' },
  preferredLanguage: 'en',
  timeZone: 'America/New_York',
};
const authorization = { authorizedUnits: 24, fundingSource: 'acme-commercial-cm', validUntil: '2027-03-31' };

interface Referral {
  status: string;
  version: number;
  patientId: string;
  businessStatus: { code: string; text: string; reasonCodes?: string[] };
  history: { from: string | null; to: string; businessStatus: { code: string } }[];
  authorization?: Record<string, unknown>;
}

let cloud: LocalCloud;
let partner: ApiClient;
let careManager: ApiClient;
let referralId: string;

const until = <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> =>
  eventually(what, probe, cloud);

const readReferral = async () => {
  const res = await partner.get<Referral>(`/v1/referrals/${referralId}`);
  expect(res.status).toBe(200);
  return res;
};

beforeAll(async () => {
  cloud = await startJourneyCloud();
  cloud.setClock(new Date('2026-10-01T13:00:00Z'));
  partner = await apiClient(cloud, 'northwind-health');
  careManager = await apiClient(cloud, 'staff-boston-care-manager');
}, 120_000);

afterAll(async () => {
  await cloud?.stop();
});

describe('case management journey: a missing authorization, added by the partner', () => {
  it('tells the partner the referral needs information: AUTHORIZATION_MISSING', async () => {
    const created = await partner.post('/v1/referrals', {
      externalReferralId,
      member: cmMember,
      coverage: { payerId: 'acme-commercial', planType: 'commercial', startDate: '2026-01-01' },
      reason: { type: 'high-utilizer', description: 'Three admissions since April for COPD exacerbations' },
      diagnoses: [{ code: 'J44.1' }, { code: 'I10' }],
      requestedPrograms: ['case-management'],
      priority: 'urgent',
      utilization: { admissions6m: 3, edVisits6m: 1 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    referralId = created.body.id;

    const waiting = await until('the determination', async () => {
      const { body } = await readReferral();
      return body.businessStatus.code === 'NEEDS_INFORMATION' ? body : undefined;
    });
    expect(waiting.status).toBe('screening');
    // Only what is missing, not the checks that passed (acute need, utilization, coverage).
    expect(waiting.businessStatus.reasonCodes).toEqual(['AUTHORIZATION_MISSING']);
    expect(waiting.businessStatus.text).toContain('AUTHORIZATION_MISSING');

    const listed = await partner.get('/v1/referrals?status=screening');
    expect((listed.body.items as { id: string }[]).map((r) => r.id)).toContain(referralId);
  });

  it('refuses a PATCH without If-Match or with a stale ETag', async () => {
    const missing = await partner.patch(`/v1/referrals/${referralId}`, { authorization });
    expect(missing.status).toBe(428);
    const stale = await partner.patch(
      `/v1/referrals/${referralId}`,
      { authorization },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(412);
  });

  it('accepts the authorization with the ETag the partner read, and eligibility re-determines it as eligible', async () => {
    const current = await readReferral();
    const etag = current.headers.get('etag');
    expect(etag).toBe(`"${current.body.version}"`);
    const patched = await partner.patch<Referral>(
      `/v1/referrals/${referralId}`,
      { authorization },
      { 'if-match': etag ?? '' },
    );
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.authorization).toEqual(authorization);
    expect(patched.headers.get('etag')).toBe(`"${patched.body.version}"`);

    const enrolled = await until('the referral to be enrolled', async () => {
      const { body } = await readReferral();
      return body.status === 'enrolled' ? body : undefined;
    });
    expect(enrolled.history.map((h) => [h.to, h.businessStatus.code])).toEqual([
      ['received', 'RECEIVED'],
      ['screening', 'NEEDS_INFORMATION'],
      ['eligible', 'ELIGIBLE'],
      ['enrolled', expect.any(String)],
    ]);

    const eligibility = await careManager.get(`/v1/patients/${enrolled.patientId}/eligibility`);
    expect(eligibility.status).toBe(200);
    const determination = (
      eligibility.body.determinations as {
        referralId: string;
        determinationVersion: number;
        planType: string;
        programs: {
          program: string;
          status: string;
          authorizationRequired?: boolean;
          reasons: { code: string }[];
        }[];
      }[]
    ).find((d) => d.referralId === referralId);
    expect(determination?.determinationVersion).toBe(2);
    expect(determination?.planType).toBe('commercial');
    const cm = determination?.programs.find((p) => p.program === 'case-management');
    expect(cm?.status).toBe('eligible');
    expect(cm?.authorizationRequired).toBe(true);
    expect(cm?.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['AUTHORIZATION_VALID', 'UTILIZATION_THRESHOLD_MET']),
    );

    const ofReferral = cloud.bus
      .events()
      .filter((e) => (e.detail as { data: { referralId?: string } }).data.referralId === referralId)
      .map((e) => e['detail-type']);
    expect(ofReferral).toEqual(
      expect.arrayContaining(['ReferralReceived', 'ReferralUpdated', 'EligibilityDetermined', 'CaseOpened']),
    );
  });
});
