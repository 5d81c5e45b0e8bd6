import { addMilliseconds, MINUTE_MS, parseInstant } from '@carelink/calendar';
import { describe, expect, it } from 'vitest';
import { pageOf, pageRecipients, pageSubject, REPAGE_AFTER_MINUTES } from './on-call';

const at = parseInstant('2026-10-11T09:00:00Z');

describe('on-call paging', () => {
  it('pages the on-call list in order, else the primary', () => {
    expect(pageRecipients(['a', 'b'], 'primary')).toEqual(['a', 'b']);
    expect(pageRecipients([], 'primary')).toEqual(['primary']);
  });

  it('re-pages the next person 30 minutes later and wraps round the list', () => {
    const list = ['a', 'b'];
    expect(pageOf(list, 1, at)).toEqual({
      to: 'a',
      nextAt: addMilliseconds(at, REPAGE_AFTER_MINUTES * MINUTE_MS),
    });
    expect(pageOf(list, 2, at).to).toBe('b');
    expect(pageOf(list, 3, at).to).toBe('a');
  });

  it('stops after three rounds of the list', () => {
    expect(pageOf(['a', 'b'], 5, at).nextAt).toBeDefined();
    expect(pageOf(['a', 'b'], 6, at).nextAt).toBeUndefined();
    expect(pageOf(['solo'], 3, at)).toEqual({ to: 'solo', nextAt: undefined });
  });

  it('names the code and the page number, nothing about the patient', () => {
    expect(pageSubject('PHQ9_ITEM9_POSITIVE', 1)).toBe('Urgent risk flag: PHQ9_ITEM9_POSITIVE');
    expect(pageSubject('SYSTOLIC_ABOVE_180', 2)).toBe(
      'Unacknowledged urgent risk flag (page 2): SYSTOLIC_ABOVE_180',
    );
  });
});
