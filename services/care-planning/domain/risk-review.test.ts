import { describe, expect, it } from 'vitest';
import { at, openedCase } from '../testing/fixtures';
import { reassignPrimary } from './care-team';
import { closeCase } from './case';
import { InvalidInputError } from './errors';
import { urgentReviewFor } from './risk-review';

const observedAt = '2026-02-10T08:00:00Z';

describe('urgentReviewFor', () => {
  it.each([
    ['critical', 'urgent', '2026-02-10T12:00:00Z'],
    ['high', 'urgent', '2026-02-11T08:00:00Z'],
    ['moderate', 'high', '2026-02-13T08:00:00Z'],
    ['low', 'routine', '2026-02-17T08:00:00Z'],
  ] as const)('gives a %s flag %s priority, due %s', (severity, priority, dueBy) => {
    const result = urgentReviewFor(openedCase(), { kind: 'ed-visit', severity, observedAt });
    expect(result).toEqual({
      task: {
        type: 'care-plan-review',
        taskKey: 'care-plan-review#case-1#ed-visit#2026-02-10T08:00:00Z',
        tenantId: 'tenant-1',
        caseId: 'case-1',
        assigneeStaffId: 'cm-1',
        priority,
        flagKind: 'ed-visit',
        severity,
        observedAt,
        dueBy,
      },
    });
  });

  it('assigns the review to whoever is primary now', () => {
    const reassigned = reassignPrimary(openedCase(), 'cm-7', at('2026-02-01T00:00:00Z')).case;
    const result = urgentReviewFor(reassigned, { kind: 'fall', severity: 'high', observedAt });
    expect(result).toMatchObject({ task: { assigneeStaffId: 'cm-7' } });
  });

  it('gives the same key to a redelivered flag and a different key to a new one', () => {
    const flag = { kind: 'fall', severity: 'high' as const, observedAt };
    const key = (f: typeof flag) => {
      const r = urgentReviewFor(openedCase(), f);
      return 'task' in r ? r.task.taskKey : undefined;
    };
    expect(key(flag)).toBe(key({ ...flag }));
    expect(key(flag)).not.toBe(key({ ...flag, observedAt: '2026-02-11T08:00:00Z' }));
  });

  it('asks for no review on a closed case', () => {
    const closed = closeCase(openedCase(), 'deceased', at('2026-02-05T00:00:00Z')).case;
    expect(urgentReviewFor(closed, { kind: 'ed-visit', severity: 'critical', observedAt })).toEqual({
      none: 'case-closed',
    });
  });

  it('rejects a flag with an unknown severity or free-text kind', () => {
    expect(() =>
      urgentReviewFor(openedCase(), { kind: 'ed-visit', severity: 'extreme' as never, observedAt }),
    ).toThrow(InvalidInputError);
    expect(() =>
      urgentReviewFor(openedCase(), { kind: 'Patient fell at home', severity: 'low', observedAt }),
    ).toThrow(InvalidInputError);
  });
});
