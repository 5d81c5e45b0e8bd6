import { assessmentExample, carePlanExample } from '@carelink/contracts/api/care-planning';
import { type LocalCloud, startLocalCloud } from '../../packages/local/src/cloud';
import { type ApiClient, apiClient } from '../../packages/local/src/testing/api-client';
import { startWebhookReceiver } from './webhook-receiver';

/** Personal data the journey sends in; none of it may appear outside the services' own tables. */
export const member = {
  memberId: 'ACME-M-448812',
  name: { given: ['Dolores'], family: 'Abernathy' },
  birthDate: '1948-03-12',
  sex: 'female' as const,
  phone: '+16175550177',
  email: 'dolores.abernathy@example.org',
  address: { line1: '12 Sweetwater Lane', city: 'Springfield', state: 'MA', postalCode: '01103' },
  preferredLanguage: 'en',
  timeZone: 'America/New_York',
  mbi: '1EG4-TE5-MK73',
};
export const reasonText = 'Lives alone after the winter fall; daughter Charlotte visits on Sundays';
export const timeNote = 'Talked through insulin refills with Dolores and her daughter';
export const phiValues = [
  member.memberId,
  member.name.given[0] as string,
  member.name.family,
  member.birthDate,
  member.phone,
  member.email,
  member.address.line1,
  member.address.city,
  member.mbi,
  member.mbi.replaceAll('-', ''),
  'Sweetwater',
  'Charlotte',
  'insulin refills',
];

export type Narrate = (step: string, detail?: string) => void;

export interface JourneyResult {
  referralId: string;
  patientId: string;
  caseId: string;
  runId: string;
  referralStatuses: string[];
  webhookStatuses: string[];
  webhooksVerified: boolean;
  claimLines: { code: string; units: number }[];
  /** The run's claims as a billing office downloads them. */
  exports: { csv: string; fhir: unknown; x12: string };
  primaryStaffId: string;
}

/** Polls `probe` through the API, letting the cloud settle between tries, until it yields a value. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  cloud: LocalCloud,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await cloud.settle(timeoutMs).catch(() => undefined);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Which queues received each event type, from now on: a queue forgets a message once its consumer
 * handled it, so the record is kept as each delivery is processed.
 */
export function recordDeliveries(cloud: LocalCloud): (detailType: string) => string[] {
  const reached = new Map<string, Set<string>>();
  for (const [name, queue] of cloud.queues) {
    queue.onProcessed((message) => {
      const detailType = (JSON.parse(message.body) as { 'detail-type'?: string })['detail-type'];
      if (!detailType) return;
      reached.set(detailType, (reached.get(detailType) ?? new Set()).add(name));
    });
  }
  return (detailType) => [...(reached.get(detailType) ?? [])].sort();
}

/**
 * The journeys' October CCM time: 45 clinical-staff minutes (25 on the 6th, 20 on the 14th), by
 * the Boston clinical staff member, which bills 99490 + 99439.
 */
export async function logOctoberCcmMinutes(clinicalStaff: ApiClient, patientId: string, note?: string) {
  for (const [startedAt, minutes] of [
    ['2026-10-06T14:00:00Z', 25],
    ['2026-10-14T15:30:00Z', 20],
  ] as const) {
    const entry = await clinicalStaff.post(`/v1/patients/${patientId}/time-entries`, {
      program: 'ccm',
      performer: 'clinical-staff',
      practitionerId: 'staff-boston-clinical-staff',
      startedAt,
      minutes,
      activity: 'care-coordination',
      ...(note ? { note } : {}),
    });
    expectStatus(entry, 201, 'time entry');
  }
}

function expectStatus(res: { status: number; body: unknown }, status: number, what: string): void {
  if (res.status !== status)
    throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * Scenario: a health plan refers a Medicare member with diabetes, heart failure and CKD; eligibility
 * finds CCM; a case opens with a primary case manager; the assessment and a care plan with a
 * behavioral-health secondary are established; consent is recorded; monthly outreach includes a
 * PHQ-9 and 45 minutes of staff time; the October billing run bills 99490 + 99439; the partner
 * receives each status change as a signed webhook. Everything goes through the public API.
 */
export async function runCcmJourney(cloud: LocalCloud, narrate: Narrate): Promise<JourneyResult> {
  const receiver = await startWebhookReceiver();
  try {
    cloud.setClock(new Date('2026-10-01T13:00:00Z'));
    narrate('The local clock is set to 1 October 2026, 09:00 in Boston.');
    const partner: ApiClient = await apiClient(cloud, 'northwind-health');
    const careManager = await apiClient(cloud, 'staff-boston-care-manager');
    const clinicalStaff = await apiClient(cloud, 'staff-boston-clinical-staff');
    const billingLead = await apiClient(cloud, 'staff-boston-billing-lead');

    const webhook = await partner.post('/v1/webhooks', { url: receiver.url });
    expectStatus(webhook, 201, 'subscribe webhook');
    receiver.useSecret(webhook.body.secret);
    narrate('Acme Health subscribes a webhook for referral status changes.', `webhook ${webhook.body.id}`);

    const referral = await partner.post('/v1/referrals', {
      externalReferralId: `ACME-2026-${Date.now()}`,
      member,
      coverage: { payerId: 'acme-medicare', planType: 'medicare', startDate: '2026-01-01' },
      reason: { type: 'chronic-care', description: reasonText },
      diagnoses: [{ code: 'E11.9' }, { code: 'I50.22' }, { code: 'N18.30' }],
      requestedPrograms: ['ccm'],
      priority: 'routine',
      utilization: { admissions6m: 1, edVisits6m: 1 },
      attributedPractitioner: { npi: '1234567893', lastVisitDate: '2026-06-15' },
    });
    expectStatus(referral, 201, 'create referral');
    const referralId: string = referral.body.id;
    narrate(
      'Acme Health refers a Medicare member with diabetes (E11.9), heart failure (I50.22) and CKD (N18.30).',
      `POST /v1/referrals → 201, referral ${referralId}, status ${referral.body.status}; event ReferralReceived`,
    );

    const enrolled = await eventually(
      'the referral to be enrolled',
      async () => {
        const res = await partner.get(`/v1/referrals/${referralId}`);
        return res.body.status === 'enrolled' ? res.body : undefined;
      },
      cloud,
    );
    const referralStatuses = (enrolled.history as { to: string }[]).map((h) => h.to);
    const patientId: string = enrolled.patientId;
    narrate(
      'Eligibility finds the member eligible for CCM (three chronic condition categories, Medicare, seen within 12 months); care-planning opens a case.',
      `events EligibilityDetermined, CaseOpened; the partner sees ${referralStatuses.join(' → ')}`,
    );

    const cases = await careManager.get('/v1/cases?assignee=me');
    expectStatus(cases, 200, 'list my cases');
    const myCase = (
      cases.body.items as { caseId: string; referralId: string; primaryStaffId?: string }[]
    ).find((c) => c.referralId === referralId);
    if (!myCase) throw new Error(`the case is not on the care manager's list: ${JSON.stringify(cases.body)}`);
    const caseId = myCase.caseId;
    const detail = await careManager.get(`/v1/cases/${caseId}`);
    const primaryStaffId: string =
      detail.body.primaryStaffId ?? detail.body.team?.primary?.staffId ?? 'staff-boston-care-manager';
    narrate(
      'The primary case manager finds the case on their list.',
      `case ${caseId}, primary ${primaryStaffId}`,
    );

    const assessment = await careManager.put(`/v1/cases/${caseId}/assessment`, assessmentExample);
    expectStatus(assessment, 200, 'complete assessment');
    narrate(
      'The comprehensive assessment is completed (medical, functional, psychosocial, environmental, caregiver, medications, social needs).',
    );

    const team = await careManager.post(`/v1/cases/${caseId}/care-team`, {
      action: 'add-secondary',
      staffId: 'staff-boston-bh-1',
      service: 'behavioral-health',
    });
    if (team.status >= 300) throw new Error(`add secondary: ${team.status} ${JSON.stringify(team.body)}`);
    narrate('A behavioral-health secondary case manager joins the care team.', 'event CareTeamChanged');

    const draft = await careManager.post(`/v1/cases/${caseId}/care-plan/from-template`, {
      conditions: ['diabetes', 'heart-failure'],
    });
    if (draft.status >= 300) throw new Error(`draft plan: ${draft.status} ${JSON.stringify(draft.body)}`);
    const incomplete = await careManager.put(`/v1/cases/${caseId}/care-plan`, draft.body.plan ?? draft.body, {
      'if-match': '"0"',
    });
    const missing = (incomplete.body.errors as { path: string }[] | undefined)?.map((e) => e.path) ?? [];
    narrate(
      'A draft from the diabetes and heart-failure templates cannot be established until every CMS element is there.',
      `PUT care-plan → ${incomplete.status}, missing: ${missing.join(', ')}`,
    );
    const established = await careManager.put(`/v1/cases/${caseId}/care-plan`, carePlanExample, {
      'if-match': '"0"',
    });
    if (established.status >= 300) {
      throw new Error(`establish plan: ${established.status} ${JSON.stringify(established.body)}`);
    }
    narrate(
      'The primary completes the plan (outcomes, prognosis, medications, community services, coordination, review date) and establishes it.',
      'event CarePlanEstablished (version 1)',
    );

    const consent = await careManager.post(`/v1/patients/${patientId}/consents`, {
      program: 'ccm',
      method: 'verbal',
      obtainedAt: '2026-10-01T12:30:00Z',
      obtainedBy: primaryStaffId,
      billingPractitionerNpi: '1234567893',
      rightToStopAnyTime: true,
      onlyOnePractitionerBillsPerMonth: true,
      costSharingExplained: true,
    });
    expectStatus(consent, 201, 'record consent');
    narrate(
      'Verbal consent for CCM is recorded with the three required discussion items.',
      'event ConsentRecorded',
    );

    await cloud.settle();
    cloud.setClock(new Date('2026-10-20T15:00:00Z'));
    const screening = await clinicalStaff.post(`/v1/patients/${patientId}/screenings`, {
      instrument: 'phq-9',
      answers: [1, 1, 0, 1, 0, 1, 0, 0, 0],
    });
    expectStatus(screening, 201, 'PHQ-9');
    narrate(
      'In the monthly call the patient completes a PHQ-9.',
      `score ${screening.body.score} (${screening.body.band}); event ScreeningScored`,
    );

    const contact = await clinicalStaff.post(`/v1/patients/${patientId}/contact-attempts`, {
      channel: 'phone',
      outcome: 'reached',
    });
    expectStatus(contact, 201, 'contact attempt');
    await logOctoberCcmMinutes(clinicalStaff, patientId, timeNote);
    narrate(
      'Clinical staff log 45 minutes of CCM time in October (25 + 20).',
      'events ContactCompleted, TimeLogged ×2',
    );
    await cloud.settle();

    cloud.setClock(new Date('2026-11-01T12:00:00Z'));
    const run = await billingLead.post('/v1/billing/runs', {
      practiceId: 'practice-boston',
      month: '2026-10',
    });
    if (run.status !== 202) throw new Error(`start run: ${run.status} ${JSON.stringify(run.body)}`);
    const runId: string = run.body.runId ?? run.body.id;
    await eventually(
      'the billing run to complete',
      async () => {
        const res = await billingLead.get(`/v1/billing/runs/${runId}`);
        return res.body.status === 'completed' || res.body.status === 'finalized' ? res.body : undefined;
      },
      cloud,
    );
    const claims = await billingLead.get(`/v1/billing/runs/${runId}/claims?format=json`);
    expectStatus(claims, 200, 'claims');
    const lines = (claims.body.lines ?? claims.body.items ?? claims.body) as {
      code?: string;
      cpt?: string;
      units: number;
      patientId?: string;
    }[];
    const claimLines = lines
      .filter((l) => !l.patientId || l.patientId === patientId)
      .map((l) => ({ code: String(l.code ?? l.cpt), units: l.units }))
      .sort((a, b) => a.code.localeCompare(b.code));
    narrate(
      'On 1 November the billing lead runs October for the practice.',
      `claim lines: ${claimLines.map((l) => `${l.code} ×${l.units}`).join(', ')}; event BillingRunCompleted`,
    );
    const download = async (format: 'csv' | 'fhir' | 'x12') => {
      const res = await billingLead.get(`/v1/billing/runs/${runId}/claims?format=${format}`);
      expectStatus(res, 200, `${format} claims`);
      return res.body;
    };
    const exports = {
      csv: (await download('csv')) as string,
      fhir: await download('fhir'),
      x12: (await download('x12')) as string,
    };
    narrate(
      'The billing lead downloads the claims for the clearinghouse.',
      `CSV ${exports.csv.length} B, FHIR Claim bundle, X12 837P ${exports.x12.split('~').length - 1} segments`,
    );

    await cloud.settle();
    const webhookStatuses = receiver.received.map(
      (r) =>
        (JSON.parse(r.body) as { status?: string; data?: { status?: string } }).status ??
        (JSON.parse(r.body) as { data?: { status?: string } }).data?.status ??
        '?',
    );
    narrate(
      'Acme Health received every status change as a signed webhook.',
      `${receiver.received.length} deliveries (${webhookStatuses.join(', ')}), signatures ${receiver.received.every((r) => r.verified) ? 'verified' : 'NOT verified'}`,
    );
    return {
      referralId,
      patientId,
      caseId,
      runId,
      referralStatuses,
      webhookStatuses,
      webhooksVerified: receiver.received.length > 0 && receiver.received.every((r) => r.verified),
      claimLines,
      exports,
      primaryStaffId,
    };
  } finally {
    await receiver.stop();
  }
}

/** Starts a fresh local cloud for the journey (its own DynamoDB Local, random ports). */
export function startJourneyCloud(): Promise<LocalCloud> {
  return startLocalCloud({ prefix: `journey${Date.now()}`, maxVisibilityTimeoutMs: 500 });
}
