import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Secret, TOTP } from 'otpauth';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../packages/local/src/cloud';
import { apiClient } from '../../packages/local/src/testing/api-client';
import {
  eventually,
  member as journeyMember,
  runCcmJourney,
  startJourneyCloud,
} from '../journeys/ccm-journey';

/** Debian's chromium (`.ci/run` installs it); Playwright's own browser download is not used. */
function chromiumPath(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error('Debian chromium is not installed: apt-get install -y chromium (.ci/run does it)');
  }
}

/** Another person than the journey's member, so the two stories never merge into one patient. */
const member = {
  ...journeyMember,
  memberId: 'NW-M-220931',
  name: { given: ['Rosa'], family: 'Delgado' },
  birthDate: '1950-07-21',
  phone: '+16175550188',
  email: 'rosa.delgado@example.org',
  mbi: '2EG4-TE5-MK74',
};

const screenshots = join(import.meta.dirname, '../../test-results/console');
let cloud: LocalCloud;
let browser: Browser;
let patientId: string;
let journeyPatientId: string;
const requests: string[] = [];

/** Serious and critical accessibility violations on the page, as axe reports them. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

beforeAll(async () => {
  await build({
    configFile: join(import.meta.dirname, '../../packages/console/vite.config.ts'),
    logLevel: 'warn',
  });
  cloud = await startJourneyCloud();
  // October 2026 as the CCM journey lives it (a patient billed 99490 + 99439), for the billing lead
  // to find; then the local clock returns to now for everything else.
  journeyPatientId = (await runCcmJourney(cloud, () => undefined)).patientId;
  cloud.setClock(new Date());
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
  mkdirSync(screenshots, { recursive: true });

  // A health plan refers a member a minute before the care manager signs in.
  const partner = await apiClient(cloud, 'northwind-health');
  const referral = await partner.post('/v1/referrals', {
    externalReferralId: `NW-CONSOLE-${Date.now()}`,
    member,
    coverage: { payerId: 'northwind-medicare', planType: 'medicare', startDate: '2026-01-01' },
    reason: { type: 'chronic-care', description: 'Referred for chronic care management.' },
    diagnoses: [{ code: 'E11.9' }, { code: 'I50.22' }, { code: 'N18.30' }],
    requestedPrograms: ['ccm'],
    priority: 'routine',
    utilization: { admissions6m: 1, edVisits6m: 0 },
    attributedPractitioner: { npi: '1234567893', lastVisitDate: '2026-06-15' },
  });
  expect(referral.status).toBe(201);
  patientId = referral.body.patientId;
  const careManager = await apiClient(cloud, 'staff-boston-care-manager');
  await eventually(
    'the timeline to show the case',
    async () => {
      const res = await careManager.get(`/v1/patients/${patientId}/timeline`);
      const titles = (res.body.items ?? []).map((item: { title: string }) => item.title);
      return titles.includes('Case opened') ? titles : undefined;
    },
    cloud,
  );
  // A PHQ-9 whose item 9 is answered 2 raises an urgent self-harm flag for the care manager to work.
  const clinicalStaff = await apiClient(cloud, 'staff-boston-clinical-staff');
  const screening = await clinicalStaff.post(`/v1/patients/${patientId}/screenings`, {
    instrument: 'phq-9',
    answers: [1, 1, 0, 1, 0, 1, 0, 0, 2],
  });
  expect(screening.status).toBe(201);
  await eventually(
    'the urgent flag',
    async () => {
      const res = await careManager.get(`/v1/patients/${patientId}/risk-flags?status=open`);
      return res.body.items?.length ? res.body.items : undefined;
    },
    cloud,
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

describe('the care-team console in Chromium', () => {
  it('signs a care manager in with password and one-time code, shows the worklist, then the patient and the timeline', async () => {
    // Password, then the one-time code of the authenticator: the care manager has MFA.
    expect(cloud.staffUsers.find((u) => u.staffId === 'staff-boston-care-manager')?.totpSecret).toBeTruthy();
    const page = await signedIn('staff-boston-care-manager');
    await page.getByRole('heading', { level: 1, name: 'Worklist' }).waitFor();
    await page.getByRole('heading', { name: 'Due and overdue' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'worklist.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    const fromWorklist = page.getByRole('link', { name: `Open patient ${patientId.slice(-6)}` }).first();
    if (await fromWorklist.count()) await fromWorklist.click();
    else {
      await page.getByLabel('Patient id').fill(patientId);
      await page.getByRole('button', { name: 'Open patient' }).click();
    }
    const name = `${member.name.given.join(' ')} ${member.name.family}`;
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('heading', { name: 'Referral received' }).waitFor();
    await timeline.getByRole('heading', { name: 'Eligibility determined' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'patient.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Work the flag: resolve it with a coded resolution; it leaves the list.
    const flags = page.getByRole('region', { name: 'Risk flags' });
    await flags.getByLabel('Resolution').selectOption('clinically-addressed');
    await flags.getByRole('button', { name: /^Resolve / }).click();
    await flags.getByText('No open risk flags.').waitFor();

    // Work the outreach: finish an open task with its outcome, then record a call that reached the
    // patient (a reached call may close the month's contact task too, so the task comes first).
    const outreach = page.getByRole('region', { name: 'Outreach' });
    const completeButtons = outreach.getByRole('button', { name: /^Complete / });
    await completeButtons.first().waitFor();
    const openTasks = await completeButtons.count();
    await outreach.getByLabel('Outcome').first().selectOption('patient-reached');
    await completeButtons.first().click();
    await outreach.getByText('Task completed.').waitFor();
    await expect.poll(() => completeButtons.count()).toBe(openTasks - 1);
    await outreach.getByLabel('Channel').selectOption('phone');
    await outreach.getByLabel('Result').selectOption('reached');
    await outreach.getByRole('button', { name: 'Record attempt' }).click();
    await outreach.getByText('Contact attempt recorded (reached).').waitFor();

    // Log time with the running timer: the performer is the signed-in person.
    const time = page.getByRole('region', { name: 'Log time' });
    await time.getByRole('button', { name: 'Start timer' }).click();
    await time.getByRole('button', { name: /^Stop timer/ }).click();
    expect(await time.getByLabel('Minutes').inputValue()).toBe('1');
    await time.getByLabel('Note').fill('Went through the refill schedule');
    await time.getByRole('button', { name: 'Log time' }).click();
    await time.getByText('Logged 1 minute of CCM time.').waitFor();
    // Consent after the CMS discussion, and a GAD-7 the patient answered on the call.
    const consent = page.getByRole('region', { name: 'Consent' });
    await consent.getByLabel('Billing practitioner NPI').fill('1234567893');
    for (const item of ['They can stop at any time', 'Only one practitioner', 'Cost sharing'])
      await consent.getByLabel(item).check();
    await consent.getByRole('button', { name: 'Record consent' }).click();
    await consent.getByText('CCM consent recorded.').waitFor();
    const screening = page.getByRole('region', { name: 'Screening' });
    await screening.getByLabel('Instrument').selectOption('gad-7');
    expect(await screening.getByLabel(/^Question /).count()).toBe(7);
    await screening.getByLabel('Question 1').selectOption('2');
    await screening.getByRole('button', { name: 'Score screening' }).click();
    await screening.getByText(/^GAD-7 scored 2 /).waitFor();

    // The timeline follows the work a moment later, from the events the actions published.
    for (const step of ['Risk flag resolved', 'Contact attempt', 'Time logged', 'Consent recorded'])
      await timeline.getByRole('heading', { name: step }).first().waitFor();
    await page.screenshot({ path: join(screenshots, 'patient-after-work.png'), fullPage: true });

    const origin = new URL(cloud.apiUrl).origin;
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('establishes a care plan with the CMS checklist: a save short of elements names each beside its field', async () => {
    const page = await signedIn('staff-boston-care-manager');
    await page.getByLabel('Patient id').fill(patientId);
    await page.getByRole('button', { name: 'Open patient' }).click();
    await page.getByRole('region', { name: 'Cases' }).getByRole('link', { name: 'Care plan (edit)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Care plan' }).waitFor();
    const checklist = page.getByRole('region', { name: 'CMS elements' });
    await checklist.getByText('12 of 12 elements still missing.').waitFor();

    // A first attempt with the problem, outcome and prognosis only.
    await page.getByRole('button', { name: 'Add problem' }).click();
    await page.getByLabel('Problem 1 description').fill('Type 2 diabetes');
    await page.getByLabel('Problem 1 ICD-10-CM code').fill('E11.9');
    await page.getByLabel('Expected outcome').fill('Stable blood sugar at home');
    await page.getByLabel('Prognosis').fill('Good with adherence');
    await page.getByRole('button', { name: 'Establish care plan' }).click();
    // Without goals, a measure and a target date for every goal hold vacuously: 7 elements are missing.
    await page
      .getByRole('alert')
      .getByText(/^Not saved: 7 element/)
      .waitFor();
    await checklist.getByText('7 of 12 elements still missing.').waitFor();
    const symptoms = page.getByLabel('Symptom management (one instruction per line)');
    expect(await symptoms.getAttribute('aria-invalid')).toBe('true');
    expect(await symptoms.getAttribute('aria-describedby')).toBe('missing-symptom-management');
    const goals = page.getByRole('group', { name: 'Goals', exact: true });
    expect(await goals.getByText(/^Missing: /).allTextContents()).toEqual(['Missing: Measurable goals']);
    expect(await page.getByText('Missing: Problem list').count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'care-plan-missing.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // The rest of the elements, then the plan is established as version 1.
    await page.getByRole('button', { name: 'Add goal', exact: true }).click();
    await page.getByLabel('Goal 1 description').fill('Keep HbA1c below 8%');
    await page.getByRole('group', { name: 'Goal 1 serves problems' }).getByLabel('Type 2 diabetes').check();
    await page.getByRole('button', { name: 'Add goal 1 measure' }).click();
    await page.getByLabel('Goal 1 measure 1 metric').fill('Hemoglobin A1c');
    await page.getByLabel('Goal 1 measure 1 value').fill('8');
    await page.getByLabel('Goal 1 measure 1 unit').fill('%');
    await page.getByLabel('Goal 1 target date').fill('2027-04-01');
    await symptoms.fill('Check blood sugar daily and keep a log.');
    await page.getByRole('button', { name: 'Add intervention' }).click();
    await page.getByLabel('Intervention 1 description').fill('HbA1c test');
    await page.getByLabel('Intervention 1 kind').selectOption('screening');
    await page.getByLabel(/^Intervention 1 repeats every/).fill('3');
    await page.getByLabel('Medication management').fill('Reconciled; weekly pill organiser');
    await page.getByRole('group', { name: 'Community services' }).getByLabel('None needed').check();
    await page
      .getByRole('group', { name: 'Coordination with other providers' })
      .getByLabel('None needed')
      .check();
    await page.getByLabel('Review date', { exact: true }).fill('2027-01-05');
    await page.getByRole('button', { name: 'Establish care plan' }).click();
    await page.getByText('Care plan established as version 1.').waitFor();
    await checklist.getByText('Every element CMS requires is in the plan.').waitFor();
    expect(await page.getByText(/^Missing: /).count()).toBe(0);

    // A revision is a new version, and the timeline names what it changed.
    await page.getByLabel('Review date', { exact: true }).fill('2027-02-01');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await page.getByText('Care plan saved as version 2.').waitFor();
    await page.screenshot({ path: join(screenshots, 'care-plan.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    const careManager = await apiClient(cloud, 'staff-boston-care-manager');
    await eventually(
      'the revision on the timeline',
      async () => {
        const res = await careManager.get(`/v1/patients/${patientId}/timeline?limit=200`);
        return (
          res.body.items?.some((item: { title: string }) => item.title === 'Care plan revised') || undefined
        );
      },
      cloud,
    );
    await page.getByRole('link', { name: 'Back to the patient' }).click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('heading', { name: 'Care plan established' }).waitFor();
    const revised = timeline.getByRole('listitem').filter({ hasText: 'Care plan revised' });
    await revised.getByText('review date').waitFor();
    await page.context().close();
  }, 60_000);

  it('refreshes the access token through the issuer shortly before it expires, without a new sign-in', async () => {
    const page = await signedIn('staff-boston-clinical-staff');
    await page.getByRole('heading', { level: 1, name: 'Worklist' }).waitFor();
    const grants: string[] = [];
    const bearers = new Set<string>();
    page.on('request', (request) => {
      const grant = new URLSearchParams(request.postData() ?? '').get('grant_type');
      if (request.method() === 'POST' && grant) grants.push(grant);
      const bearer = request.headers().authorization;
      if (bearer && new URL(request.url()).pathname.startsWith('/v1/')) bearers.add(bearer);
    });
    await page.getByLabel('Patient id').fill(patientId);
    await page.getByRole('button', { name: 'Open patient' }).click();
    const name = `${member.name.given.join(' ')} ${member.name.family}`;
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(bearers.size).toBe(1);
    // Fifty-nine minutes on: the hour-long access token has less than its minute of margin left.
    await page.clock.setFixedTime(Date.now() + 59 * 60_000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Worklist' }).click();
    await page.getByRole('heading', { level: 1, name: 'Worklist' }).waitFor();
    await page.getByRole('heading', { name: 'Due and overdue' }).waitFor();
    expect(grants).toEqual(['refresh_token']);
    expect(bearers.size).toBe(2);
    expect(await page.getByLabel('Username').count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('keeps a half-typed note when the session ends, and returns to it after signing in again', async () => {
    const page = await signedIn('staff-boston-clinical-staff');
    await page.getByLabel('Patient id').fill(patientId);
    await page.getByRole('button', { name: 'Open patient' }).click();
    const time = page.getByRole('region', { name: 'Log time' });
    await time.getByLabel('Minutes').fill('5');
    await time.getByLabel('Note').fill('Half-typed note about the refill');
    // The API answers 401 once the session is over, as API Gateway's authorizer does.
    await page.route('**/v1/patients/*/time-entries', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: '{"title":"Unauthorized"}',
      }),
    );
    await time.getByRole('button', { name: 'Log time' }).click();
    await page.getByLabel('Username').waitFor();
    await page.unroute('**/v1/patients/*/time-entries');
    await signInOnPage(page, 'staff-boston-clinical-staff');
    const again = page.getByRole('region', { name: 'Log time' });
    await again.getByLabel('Note').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/patients/${patientId}`);
    expect(await again.getByLabel('Note').inputValue()).toBe('Half-typed note about the refill');
    await page.context().close();
  }, 60_000);

  it("lands a billing lead on the month's billing, runs it, shows the summary and downloads the 837P", async () => {
    const page = await signedIn('staff-boston-billing-lead');
    await page.getByRole('heading', { level: 1, name: 'Billing' }).waitFor();
    const month = await page.getByLabel('Month').inputValue();
    await page.getByRole('button', { name: `Run billing for ${month}` }).click();
    await page.getByRole('heading', { name: `${month}: run completed` }).waitFor();
    await page.getByRole('heading', { name: 'Lines per code' }).waitFor();
    expect(await page.getByText(/fee schedule, 14212-01 METROPOLITAN BOSTON/).count()).toBe(1);
    await page.getByRole('button', { name: 'Show audit packets' }).click();
    await page.getByRole('table', { name: 'What each patient-month billed, or why not' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'billing.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download X12 837P' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe(`claims-${month}.x12`);

    // October's run, with the journey's patient billed: the codes, the revenue, the 837P, finalize.
    await page.getByLabel('Month').fill('2026-10');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByRole('heading', { name: '2026-10: run completed' }).waitFor();
    await page.getByText('1 of 1 patients billed, 2 claim lines, expected $131.57').waitFor();
    const codes = page.getByRole('table', { name: /^Expected revenue \$131\.57 / });
    await codes.waitFor();
    expect(await codes.getByRole('rowheader').allTextContents()).toEqual(['99439', '99490']);
    expect(await page.getByText('Every patient of the month was billed.').count()).toBe(1);
    await page.screenshot({ path: join(screenshots, 'billing-october.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    const [october] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download X12 837P' }).click(),
    ]);
    const x12 = readFileSync((await october.path()) ?? '', 'utf8');
    expect(x12).toContain('CLM*');
    expect(x12).toMatch(/SV1\*HC:99490/);
    await page.getByRole('button', { name: 'Finalize 2026-10' }).click();
    await page.getByRole('heading', { name: '2026-10: run finalized' }).waitFor();
    // Finalising published the month's claim to the patient's story.
    const careManager = await apiClient(cloud, 'staff-boston-care-manager');
    const claim = await eventually(
      "the claim on the journey patient's timeline",
      async () => {
        const res = await careManager.get(`/v1/patients/${journeyPatientId}/timeline?limit=200`);
        return (res.body.items ?? []).find((item: { kind: string }) => item.kind === 'claim');
      },
      cloud,
    );
    expect(claim).toMatchObject({
      title: 'Claim finalised for 2026-10',
      facts: [{ label: 'Codes', value: '99439 × 1, 99490 × 1' }],
    });
    await page.context().close();
  }, 60_000);

  it("shows compliance staff who read the patient's record", async () => {
    const page = await signedIn('staff-boston-compliance');
    await page.getByRole('heading', { level: 1, name: 'Compliance' }).waitFor();
    await page.getByLabel('Search by').selectOption('patientId');
    await page.getByLabel('Patient id').fill(patientId);
    await page.getByRole('button', { name: 'Show access log' }).click();
    const log = page.getByRole('table');
    await log.getByRole('cell', { name: 'staff-boston-care-manager' }).first().waitFor();
    expect(
      await log.getByRole('cell', { name: 'GET /v1/patients/{patientId}/timeline' }).count(),
    ).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshots, 'compliance.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});

/** A new browser context signed in as a seeded person (password, then one-time code when they have MFA). */
async function signedIn(staffId: string): Promise<Page> {
  const person = cloud.staffUsers.find((u) => u.staffId === staffId);
  if (!person) throw new Error(`no seeded person ${staffId}`);
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${cloud.apiUrl}/`);
  await signInOnPage(page, staffId);
  return page;
}

/** Fills the hosted login page as the seeded person: password, then the one-time code when they have MFA. */
async function signInOnPage(page: Page, staffId: string): Promise<void> {
  const person = cloud.staffUsers.find((u) => u.staffId === staffId);
  if (!person) throw new Error(`no seeded person ${staffId}`);
  await page.getByLabel('Username').fill(person.username);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (person.totpSecret) {
    await page
      .getByLabel('One-time code')
      .fill(new TOTP({ secret: Secret.fromBase32(person.totpSecret) }).generate());
    await page.getByRole('button', { name: 'Verify' }).click();
  }
}
