import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors';
import { type ReminderKind, renderReminder } from './reminder-templates';

const kinds: ReminderKind[] = ['monthly-check-in', 'missed-call', 'appointment', 'care-team-follow-up'];
const values = { practiceName: 'Riverside Family Medicine', callbackNumber: '+15555550123' };
const CLINICAL_WORDS =
  /diagnos|medication|prescription|refill|result|lab|test|depress|anxiety|diabet|insulin|blood|pressure|glucose|weight|heart|screen/i;

describe('reminder texts', () => {
  it.each(kinds)('renders %s with the practice, the callback number and the opt-out footer', (kind) => {
    const text = renderReminder(kind, values);
    expect(text).toMatch(/^Hello, this is Riverside Family Medicine\. /);
    expect(text).toContain('(555) 555-0123');
    expect(text).toMatch(/Reply STOP to opt out\.$/);
    expect(text).not.toMatch(CLINICAL_WORDS);
  });

  it('greets by first name when one is given', () => {
    expect(renderReminder('missed-call', { ...values, firstName: 'Ana' })).toMatch(/^Hi Ana, this is /);
  });

  it('rejects extra values, so clinical details cannot be passed in', () => {
    const withDiagnosis = { ...values, diagnosis: 'E11.9' } as typeof values;
    expect(() => renderReminder('appointment', withDiagnosis)).toThrow(InvalidInputError);
  });

  it.each([
    ['a non-US number', { callbackNumber: '+445555550123' }],
    ['a number without country code', { callbackNumber: '5555550123' }],
    ['a first name with digits', { firstName: 'R2D2' }],
    ['an empty practice name', { practiceName: '  ' }],
  ])('rejects %s', (_label, change) => {
    expect(() => renderReminder('monthly-check-in', { ...values, ...change })).toThrow(InvalidInputError);
  });

  it('adds nothing beyond the fixed wording, the name, the practice and the number', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.stringMatching(/^[A-Z][a-z]{1,12}$/), (kind, firstName) => {
        const text = renderReminder(kind, { ...values, firstName });
        const withoutName = text.replace(firstName, '');
        expect(withoutName).toBe(renderReminder(kind, { ...values, firstName: 'X' }).replace('X', ''));
        expect(text.length).toBeLessThanOrEqual(320);
      }),
    );
  });
});
