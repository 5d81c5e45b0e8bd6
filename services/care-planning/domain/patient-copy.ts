import { localDate, parseInstant, parseIsoDate } from '@carelink/calendar';
import type { Cadence, CarePlan, Goal, GoalMeasure } from './care-plan';
import { escapeHtml } from './html';
import { partyLabel } from './labels';
import type { VersionedCarePlan } from './versions';

/** What the patient copy needs besides the plan. */
export interface PatientCopyOptions {
  practiceName: string;
  /** The practice's time zone, so "updated on" is the practice's calendar day. */
  timeZone: string;
  /** Practice phone number to call with questions. */
  contactPhone?: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Spelled-out dates read the same everywhere, unlike 03/04 which flips between locales. */
const longDate = (date: string): string => {
  const [year, month, day] = parseIsoDate(date).split('-').map(Number) as [number, number, number];
  return `${MONTHS[month - 1]} ${day}, ${year}`;
};

const COMPARATOR_WORDS: Readonly<Record<GoalMeasure['comparator'], string>> = {
  '<': 'below ',
  '<=': 'at or below ',
  '=': '',
  '>=': 'at least ',
  '>': 'above ',
};

const UNIT_WORDS: Readonly<Record<string, string>> = {
  '%': '%',
  'mm[Hg]': ' mmHg',
  'mg/d': ' mg a day',
  '/wk': ' a week',
  '{score}': ' points',
};

/** UCUM annotations such as `{sessions}` repeat what the metric already says, so they are dropped. */
const unitWords = (unit: string): string => UNIT_WORDS[unit] ?? (unit.startsWith('{') ? '' : ` ${unit}`);

const measureText = (m: GoalMeasure): string =>
  `${m.metric}: ${COMPARATOR_WORDS[m.comparator]}${m.value}${unitWords(m.unit)}`;

const cadenceText = (cadence: Cadence | undefined): string => {
  if (cadence === undefined) return 'As planned';
  return cadence.every === 1 ? `Every ${cadence.unit}` : `Every ${cadence.every} ${cadence.unit}s`;
};

const section = (title: string, body: string): string =>
  `<section><h2>${escapeHtml(title)}</h2>${body}</section>`;
const paragraph = (text: string): string => `<p>${escapeHtml(text)}</p>`;
const bullets = (items: readonly string[]): string =>
  `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;

const goalItem = (goal: Goal): string => {
  const details = [
    ...goal.measures.map(measureText),
    ...(goal.targetDate ? [`By ${longDate(goal.targetDate)}`] : []),
    `Working with you: ${partyLabel(goal.owner)}`,
  ];
  return `<li><strong>${escapeHtml(goal.description)}</strong>${bullets(details)}</li>`;
};

const body = (plan: CarePlan): string[] => [
  section('Your health concerns', bullets(plan.problems.map((p) => p.description))),
  section(
    'What to expect',
    [plan.expectedOutcome, plan.prognosis].flatMap((t) => (t ? [paragraph(t)] : [])).join(''),
  ),
  section('Your goals', `<ul>${plan.goals.map(goalItem).join('')}</ul>`),
  section('When symptoms change', bullets(plan.symptomManagement)),
  section(
    'What we will do together',
    bullets(
      plan.interventions.map(
        (i) => `${i.description}. ${cadenceText(i.cadence)}. ${partyLabel(i.responsible)}.`,
      ),
    ),
  ),
  section(
    'Your medicines',
    paragraph(plan.medicationManagement?.summary ?? 'Your care manager will review your medicines with you.'),
  ),
  section(
    'Help in your community',
    plan.communityServices?.status === 'ordered'
      ? bullets(
          plan.communityServices.services.map((s) =>
            s.organization ? `${s.description}: ${s.organization}` : s.description,
          ),
        )
      : paragraph('No community services are needed right now.'),
  ),
  section(
    'Other care providers we work with',
    plan.coordination?.status === 'coordinating'
      ? bullets(
          plan.coordination.providers.map(
            (p) =>
              `${p.organization ? `${p.providerType} (${p.organization})` : p.providerType}: ${p.arrangement}`,
          ),
        )
      : paragraph('No outside providers are involved right now.'),
  ),
  section(
    'Next review',
    paragraph(
      plan.reviewDate
        ? `We will review this plan with you by ${longDate(plan.reviewDate)}, or sooner if your health changes.`
        : 'We will review this plan with you regularly, or sooner if your health changes.',
    ),
  ),
];

const STYLE =
  'body{font-family:Georgia,serif;font-size:14pt;line-height:1.5;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#000}' +
  'h1{font-size:1.6em}h2{font-size:1.2em;border-bottom:1px solid #888;margin-top:1.5em}' +
  '@media print{body{margin:0;max-width:none}section{break-inside:avoid}}';

/**
 * A printable, plain-language copy of the plan for the patient. All plan text is escaped, and
 * the only identifiers shown are the version number and its date, which patients can quote
 * when calling; internal ids stay out of a document that leaves the practice.
 */
export const toPatientCopyHtml = (plan: VersionedCarePlan, options: PatientCopyOptions): string => {
  const last = plan.versions[plan.versions.length - 1];
  const updated = last ? longDate(localDate(parseInstant(last.changedAt), options.timeZone)) : undefined;
  const contact = options.contactPhone
    ? `Questions? Call ${options.contactPhone}. In an emergency, call 911.`
    : 'Questions? Call your care team. In an emergency, call 911.';
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Your care plan</title>',
    `<style>${STYLE}</style></head><body>`,
    '<header><h1>Your care plan</h1>',
    paragraph(options.practiceName),
    paragraph(`Version ${plan.version}${updated ? `, updated ${updated}` : ''}`),
    '</header><main>',
    ...body(plan.plan),
    '</main><footer>',
    paragraph(contact),
    '</footer></body></html>',
  ].join('\n');
};
