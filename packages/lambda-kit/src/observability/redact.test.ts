import { describe, expect, it, vi } from 'vitest';
import { createLogger } from './logger';
import { REDACTED, redactText, redactValue } from './redact';

const referral = {
  referralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
  member: {
    memberId: 'ACME-778812',
    firstName: 'Dolores',
    lastName: 'Abernathy',
    birthDate: '1947-03-12',
    phone: '+16175550123',
    email: 'dolores@example.org',
    mbi: '1EG4-TE5-MK73',
    address: { line1: '12 Sweetwater Lane', city: 'Springfield', postalCode: '01103' },
  },
  reason: { type: 'post-discharge', description: 'Fell at home after stroke, lives alone' },
  note: 'Daughter Charlotte calls on Sundays',
};
const phiValues = [
  'ACME-778812',
  'Dolores',
  'Abernathy',
  '1947-03-12',
  '+16175550123',
  'dolores@example.org',
  '1EG4-TE5-MK73',
  '1EG4TE5MK73',
  'Sweetwater',
  'Springfield',
  'Fell at home',
  'Charlotte',
];

function captureLogLines(write: () => void): string {
  const streams = [process.stdout, process.stderr].map((stream) =>
    vi.spyOn(stream, 'write').mockImplementation(() => true),
  );
  const lines: string[] = [];
  const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    }),
  );
  try {
    write();
  } finally {
    for (const spy of streams) {
      for (const call of spy.mock.calls) lines.push(String(call[0]));
      spy.mockRestore();
    }
    for (const s of consoleSpies) s.mockRestore();
  }
  return lines.join('\n');
}

describe('PHI redaction', () => {
  it('keeps names, birth dates, phones, emails, addresses, member ids, MBIs and notes out of log lines', () => {
    const logger = createLogger('intake');
    const output = captureLogLines(() => {
      logger.info('referral received', { referral });
      logger.error('failed for', {
        error: new Error(`could not reach ${referral.member.phone} for ${referral.member.mbi}`),
      });
      logger.warn(`free text with ${referral.member.email} and 1EG4TE5MK73 and 03/12/1947`);
    });
    expect(output).toContain('referral received');
    expect(output).toContain(referral.referralId);
    for (const value of phiValues) expect(output).not.toContain(value);
    expect(output).not.toContain('03/12/1947');
  });

  it('keeps error class names and instants readable', () => {
    const logger = createLogger('intake');
    const output = captureLogLines(() => {
      logger.error('oops', { error: new TypeError('bad'), at: '2026-11-02T10:00:00Z' });
    });
    expect(output).toContain('TypeError');
    expect(output).toContain('2026-11-02T10:00:00Z');
  });

  it.each([
    ['call +16175550123 now', `call ${REDACTED} now`],
    ['call (617) 555-0123 now', `call ${REDACTED} now`],
    ['mail a.b+c@example.co.uk', `mail ${REDACTED}`],
    ['mbi 1EG4-TE5-MK73', `mbi ${REDACTED}`],
    ['ssn 123-45-6789', `ssn ${REDACTED}`],
    ['born 1950-01-02', `born ${REDACTED}`],
    ['at 2026-11-02T10:00:00Z', 'at 2026-11-02T10:00:00Z'],
    ['referral 01JD3Y7T5V0M3Q8W9X2Z4A6B8C', 'referral 01JD3Y7T5V0M3Q8W9X2Z4A6B8C'],
  ])('redactText(%j)', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it('redacts sensitive keys at any depth, whatever the value type', () => {
    expect(redactValue({ a: { b: [{ lastName: 'X', count: 3 }] }, dob: 19470312 })).toEqual({
      a: { b: [{ lastName: REDACTED, count: 3 }] },
      dob: REDACTED,
    });
  });
});
