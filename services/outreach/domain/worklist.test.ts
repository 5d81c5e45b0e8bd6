import { addMilliseconds, HOUR_MS, type Instant, MINUTE_MS, parseInstant } from '@carelink/calendar';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Escalation } from './contacts';
import type { OutreachTask } from './outreach-task';
import { CARE_PROGRAMS, type TimeEntry } from './time-entries';
import { buildWorklist, type CaseRiskFlag, summariseCcmMinutes, type WorklistInput } from './worklist';

const practiceZone = 'America/Denver';
const now = parseInstant('2026-03-15T18:00:00Z');
const hoursAgo = (hours: number) => addMilliseconds(now, -hours * HOUR_MS);
const inHours = (hours: number) => addMilliseconds(now, hours * HOUR_MS);

function task(id: string, dueAt: Instant, overrides: Partial<OutreachTask> = {}): OutreachTask {
  return {
    id,
    caseId: 'case-1',
    kind: 'monthly-contact',
    source: 'monthly-contact',
    period: '2026-03',
    recurrence: 'monthly',
    openFrom: hoursAgo(500),
    dueAt,
    assigneeId: 'rn-1',
    status: 'open',
    ...overrides,
  };
}

function flag(
  id: string,
  severity: 'urgent' | 'high',
  observedAt: Instant,
  assigneeId = 'rn-1',
): CaseRiskFlag {
  return {
    id,
    caseId: 'case-2',
    assigneeId,
    flag: { kind: 'hypoxemia', severity, observedAt, code: '59408-5' },
  };
}

const escalation: Escalation = {
  id: 'esc-1',
  caseId: 'case-3',
  reason: 'unreachable',
  month: '2026-03',
  assigneeId: 'rn-1',
  failedAttempts: 3,
  raisedAt: hoursAgo(5),
};

function input(overrides: Partial<WorklistInput> = {}): WorklistInput {
  return {
    staffId: 'rn-1',
    now,
    practiceTimeZone: practiceZone,
    caseload: [],
    tasks: [],
    escalations: [],
    riskFlags: [],
    timeEntries: [],
    ...overrides,
  };
}

describe('worklist ordering', () => {
  it('puts urgent risk flags first, then overdue work, then due work, each by due time', () => {
    const worklist = buildWorklist(
      input({
        tasks: [
          task('due-later', inHours(48)),
          task('overdue-recent', hoursAgo(1)),
          task('due-soon', inHours(2)),
          task('overdue-old', hoursAgo(30)),
        ],
        riskFlags: [
          flag('flag-urgent-new', 'urgent', hoursAgo(1)),
          flag('flag-urgent-old', 'urgent', hoursAgo(3)),
          flag('flag-high', 'high', hoursAgo(10)),
        ],
        escalations: [escalation],
      }),
    );
    expect(
      worklist.items.map((item) => [
        item.urgency,
        item.kind === 'task'
          ? item.task.id
          : item.kind === 'risk-flag'
            ? item.riskFlag.id
            : item.kind === 'escalation'
              ? item.escalation.id
              : item.reviewTask.taskKey,
      ]),
    ).toEqual([
      ['urgent', 'flag-urgent-old'],
      ['urgent', 'flag-urgent-new'],
      ['overdue', 'overdue-old'],
      ['overdue', 'flag-high'],
      ['overdue', 'esc-1'],
      ['overdue', 'overdue-recent'],
      ['due', 'due-soon'],
      ['due', 'due-later'],
    ]);
  });

  it('treats a task due exactly now as overdue', () => {
    const [item] = buildWorklist(input({ tasks: [task('t', now)] })).items;
    expect(item?.urgency).toBe('overdue');
  });

  it('leaves out other staff members’ work, closed tasks and tasks not yet open', () => {
    const worklist = buildWorklist(
      input({
        tasks: [
          task('other', inHours(1), { assigneeId: 'rn-2' }),
          task('done', inHours(1), { status: 'done' }),
          task('cancelled', hoursAgo(1), { status: 'cancelled' }),
          task('future', inHours(400), { openFrom: inHours(1) }),
        ],
        riskFlags: [flag('f', 'urgent', hoursAgo(1), 'rn-2')],
        escalations: [{ ...escalation, assigneeId: 'cm-9' }],
      }),
    );
    expect(worklist.items).toEqual([]);
  });
});

describe('CCM minutes', () => {
  it.each([
    [0, 20, 20],
    [19, 20, 1],
    [20, 40, 20],
    [39, 40, 1],
    [40, 60, 20],
    [59, 60, 1],
    [60, undefined, 0],
    [95, undefined, 0],
  ])('with %i minutes the next threshold is %s, %i minutes away', (minutes, nextThreshold, missing) => {
    expect(summariseCcmMinutes('c', minutes)).toEqual({
      caseId: 'c',
      minutes,
      nextThreshold,
      minutesToNextThreshold: missing,
    });
  });

  const monthStart = parseInstant('2026-03-01T07:00:00Z');
  const entry = fc.record({
    caseId: fc.constantFrom('case-1', 'case-2'),
    program: fc.constantFrom(...CARE_PROGRAMS),
    performer: fc.constantFrom('clinical-staff' as const, 'physician' as const),
    offsetMinutes: fc.integer({ min: -3 * 24 * 60, max: 34 * 24 * 60 }),
    minutes: fc.integer({ min: 1, max: 240 }),
    voided: fc.boolean(),
  });

  it('equals the sum of non-voided CCM clinical-staff entries starting this month in the practice time zone', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (generated) => {
        const timeEntries: TimeEntry[] = generated.map((g, index) => ({
          id: `te-${index}`,
          caseId: g.caseId,
          program: g.program,
          performer: g.performer,
          practitionerId: `staff-${index}`,
          startedAt: addMilliseconds(monthStart, g.offsetMinutes * MINUTE_MS),
          minutes: g.minutes,
          activity: 'care-coordination',
          recordedAt: now,
          recordedBy: 'staff',
          ...(g.voided ? { voided: { reason: 'duplicate' as const, by: 'lead', at: now } } : {}),
        }));
        const worklist = buildWorklist(input({ caseload: ['case-1', 'case-2'], timeEntries }));
        for (const caseId of ['case-1', 'case-2']) {
          const expected = timeEntries
            .filter(
              (e) =>
                e.caseId === caseId && !e.voided && e.program === 'ccm' && e.performer === 'clinical-staff',
            )
            .filter((e) => {
              const local = Temporal.Instant.from(e.startedAt).toZonedDateTimeISO(practiceZone);
              return local.year === 2026 && local.month === 3;
            })
            .reduce((sum, e) => sum + e.minutes, 0);
          expect(worklist.ccmMinutes.find((summary) => summary.caseId === caseId)?.minutes).toBe(expected);
        }
        expect(worklist.month).toBe('2026-03');
      }),
    );
  });
});
