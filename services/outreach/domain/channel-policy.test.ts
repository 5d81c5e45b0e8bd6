import { parseInstant } from '@carelink/calendar';
import { describe, expect, it } from 'vitest';
import { decideTextMessage } from './channel-policy';

const zone = 'America/Los_Angeles';

describe('text message decision', () => {
  it('blocks a patient who opted out, even outside quiet hours', () => {
    const now = parseInstant('2026-07-01T19:00:00Z');
    expect(decideTextMessage(now, { caseId: 'c', status: 'opted-out' }, zone)).toEqual({
      kind: 'blocked',
      reason: 'opted-out',
    });
  });

  it('sends now during the day', () => {
    const now = parseInstant('2026-07-01T19:00:00Z');
    expect(decideTextMessage(now, { caseId: 'c', status: 'opted-in' }, zone)).toEqual({ kind: 'send-now' });
  });

  it('defers to 08:00 local during quiet hours', () => {
    const now = parseInstant('2026-07-02T05:00:00Z');
    const decision = decideTextMessage(now, { caseId: 'c', status: 'opted-in' }, zone);
    expect(decision.kind).toBe('defer');
    if (decision.kind === 'defer') expect(decision.until.toString()).toBe('2026-07-02T15:00:00Z');
  });
});
