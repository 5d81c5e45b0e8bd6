import { parseInstant } from '@carelink/calendar';
import { describe, expect, it } from 'vitest';
import { applyInboundReply, classifyReply, type SmsConsent } from './opt-out';

const at = parseInstant('2026-04-02T16:00:00Z');
const optedIn: SmsConsent = { caseId: 'case-1', status: 'opted-in' };

describe('texting consent keywords', () => {
  it.each(['STOP', 'stop', '  Stop\n', 'STOPALL', 'unsubscribe', 'Cancel', 'END', 'quit'])(
    'treats %j as an opt-out',
    (text) => {
      expect(classifyReply(text)).toBe('opt-out');
    },
  );

  it.each(['START', ' unstop '])('treats %j as an opt-in', (text) => {
    expect(classifyReply(text)).toBe('opt-in');
  });

  it.each(['please stop calling', 'STOP.', 'STO P', 'yes', ''])('does not treat %j as a keyword', (text) => {
    expect(classifyReply(text)).toBeUndefined();
  });

  it('opts out and back in, emitting an event for each change', () => {
    const out = applyInboundReply(optedIn, ' stop ', at);
    expect(out.consent).toEqual({ caseId: 'case-1', status: 'opted-out', changedAt: at });
    expect(out.events).toEqual([
      {
        type: 'SmsConsentChanged',
        caseId: 'case-1',
        status: 'opted-out',
        keyword: 'STOP',
        at: at.toString(),
      },
    ]);
    const back = applyInboundReply(out.consent, 'Start', at);
    expect(back.consent.status).toBe('opted-in');
    expect(back.events[0]?.status).toBe('opted-in');
  });

  it('emits nothing when the reply does not change consent', () => {
    expect(applyInboundReply(optedIn, 'UNSTOP', at)).toEqual({ consent: optedIn, events: [] });
    expect(applyInboundReply(optedIn, 'see you Tuesday', at)).toEqual({ consent: optedIn, events: [] });
  });
});
