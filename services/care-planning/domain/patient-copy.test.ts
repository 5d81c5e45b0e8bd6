import { describe, expect, it } from 'vitest';
import { at, completePlan, teamCase } from '../testing/fixtures';
import type { CarePlan } from './care-plan';
import { escapeHtml } from './html';
import { actorFor } from './ownership';
import { toPatientCopyHtml } from './patient-copy';
import { establish, revise } from './versions';

const options = {
  practiceName: 'Riverside Family Medicine',
  timeZone: 'America/New_York',
  contactPhone: '555-0100',
};
const establishedAt = (content: CarePlan, iso = '2026-02-01T15:00:00Z') =>
  establish(content, { planId: 'plan-zq9', case: teamCase(), staffId: 'cm-1', now: at(iso) }).plan;

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`"quoted" & 'single'`, '&quot;quoted&quot; &amp; &#39;single&#39;'],
    ['plain text', 'plain text'],
  ])('escapes %s', (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });
});

describe('toPatientCopyHtml', () => {
  it('escapes every piece of plan text', () => {
    const hostile: CarePlan = {
      ...completePlan(),
      expectedOutcome: '<img src=x onerror=alert(1)>',
      symptomManagement: ['Call if "worse" & <b>dizzy</b>'],
    };
    const html = toPatientCopyHtml(establishedAt(hostile), { ...options, practiceName: 'A & B <Clinic>' });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>dizzy');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Call if &quot;worse&quot; &amp; &lt;b&gt;dizzy&lt;/b&gt;');
    expect(html).toContain('A &amp; B &lt;Clinic&gt;');
  });

  it('shows no internal ids, only the version and its date', () => {
    const plan = establishedAt(completePlan());
    const html = toPatientCopyHtml(plan, options);
    const plain = completePlan();
    const ids = [
      'plan-zq9',
      'case-1',
      'patient-1',
      'tenant-1',
      'cm-1',
      'nut-1',
      'rx-1',
      ...plain.problems.map((p) => p.id),
      ...plain.goals.map((g) => g.id),
      ...plain.interventions.map((i) => i.id),
      'c-meals',
      'o-endo',
    ];
    for (const id of ids) expect(html).not.toContain(id);
    expect(html).toContain('Version 1, updated February 1, 2026');
  });

  it("dates the version in the practice's time zone", () => {
    // 02:00 UTC on 2 February is still 1 February in New York.
    const html = toPatientCopyHtml(establishedAt(completePlan(), '2026-02-02T02:00:00Z'), options);
    expect(html).toContain('updated February 1, 2026');
  });

  it('shows the latest version after a revision', () => {
    const v1 = establishedAt(completePlan());
    const v2 = revise(
      v1,
      { ...completePlan(), prognosis: 'Fair' },
      actorFor(teamCase(), 'cm-1'),
      1,
      at('2026-03-05T15:00:00Z'),
    ).plan;
    const html = toPatientCopyHtml(v2, options);
    expect(html).toContain('Version 2, updated March 5, 2026');
    expect(html).toContain('Fair');
  });

  it('speaks plainly about goals, who helps, how often and when the next review is', () => {
    const html = toPatientCopyHtml(establishedAt(completePlan()), options);
    expect(html).toContain('Hemoglobin A1c: below 8%');
    expect(html).toContain('Systolic blood pressure: below 130 mmHg');
    expect(html).toContain('Days a week on the meal plan: at least 5 a week');
    expect(html).toContain('By July 15, 2026');
    expect(html).toContain('Working with you: Nutrition team');
    expect(html).toContain('HbA1c test. Every 3 months. Your care manager.');
    expect(html).toContain('Refill check. Every month. Pharmacy team.');
    expect(html).toContain('Meal planning coaching. As planned. Nutrition team.');
    expect(html).toContain('We will review this plan with you by April 20, 2026');
    expect(html).toContain('Questions? Call 555-0100.');
    expect(html).not.toContain('E11.9');
  });

  it('is a complete printable document', () => {
    const html = toPatientCopyHtml(establishedAt(completePlan()), options);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('@media print');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('says so when no community services or outside providers are involved', () => {
    const plan = establishedAt({
      ...completePlan(),
      communityServices: { status: 'none-needed' },
      coordination: { status: 'none-needed' },
    });
    const html = toPatientCopyHtml(plan, options);
    expect(html).toContain('No community services are needed right now.');
    expect(html).toContain('No outside providers are involved right now.');
  });
});
