import { parseInstant } from '@carelink/calendar';
import { describe, expect, it } from 'vitest';
import { reconcileTasks } from './cadence';
import {
  applyCaseEvent,
  type CaseEvent,
  type CaseProjection,
  desiredTasks,
  reassignments,
} from './case-projection';

const ids = { caseId: 'case-1', patientId: 'patient-1', practiceId: 'practice-boston' };
const opened: CaseEvent = {
  type: 'opened',
  ...ids,
  program: 'ccm',
  primaryStaffId: 'cm-1',
  timeZone: 'America/New_York',
  identifiedAt: '2026-03-02T15:00:00Z',
};
const plan = (version: number, ...interventionIds: string[]): CaseEvent => ({
  type: 'plan',
  ...ids,
  program: 'ccm',
  planId: 'plan-1',
  version,
  interventions: interventionIds.map((interventionId) => ({
    interventionId,
    kind: 'education',
    responsible: 'primary',
    cadence: 'monthly',
  })),
});
const now = parseInstant('2026-03-10T15:00:00Z');

function fold(events: CaseEvent[]): CaseProjection | undefined {
  return events.reduce<CaseProjection | undefined>((p, e) => applyCaseEvent(p, e) ?? p, undefined);
}

describe('case projection', () => {
  it('gives the same projection whether the plan or the opening arrives first', () => {
    expect(fold([plan(1, 'a'), opened])).toEqual(fold([opened, plan(1, 'a')]));
  });

  it('ignores a plan version that is not newer than the one held', () => {
    const p = fold([opened, plan(2, 'a', 'b')]);
    expect(applyCaseEvent(p, plan(1, 'a'))).toBeUndefined();
    expect(applyCaseEvent(p, plan(2, 'a', 'b'))).toBeUndefined();
  });

  it('ignores a duplicate opening and a duplicate close', () => {
    const p = fold([opened]);
    expect(applyCaseEvent(p, opened)).toBeUndefined();
    const closed = fold([opened, { type: 'closed', ...ids, program: 'ccm' }]);
    expect(applyCaseEvent(closed, { type: 'closed', ...ids, program: 'ccm' })).toBeUndefined();
  });

  it('keeps a reassigned primary when the opening arrives late', () => {
    const p = fold([
      { type: 'team', ...ids, change: 'primary-reassigned', staffId: 'cm-2', at: '2026-03-05T00:00:00Z' },
      opened,
    ]);
    expect(p?.primaryStaffId).toBe('cm-2');
  });

  it('ignores a care-team change older than the last one applied', () => {
    const p = fold([
      opened,
      { type: 'team', ...ids, change: 'primary-reassigned', staffId: 'cm-3', at: '2026-03-06T00:00:00Z' },
    ]);
    const stale = applyCaseEvent(p, {
      type: 'team',
      ...ids,
      change: 'primary-reassigned',
      staffId: 'cm-2',
      at: '2026-03-05T00:00:00Z',
    });
    expect(stale).toBeUndefined();
  });
});

describe('desired tasks of a case', () => {
  it('plans nothing before the case is opened and nothing once it is closed', () => {
    expect(desiredTasks(fold([plan(1, 'a')]) as CaseProjection, now)).toEqual([]);
    const closed = fold([opened, plan(1, 'a'), { type: 'closed', ...ids, program: 'ccm' }]) as CaseProjection;
    expect(desiredTasks(closed, now)).toEqual([]);
  });

  it('a revision adds only the new intervention tasks, and replaying it adds nothing', () => {
    const v1 = fold([opened, plan(1, 'a')]) as CaseProjection;
    const existing = desiredTasks(v1, now);
    const v2 = applyCaseEvent(v1, plan(2, 'a', 'b')) as CaseProjection;
    const first = reconcileTasks(existing, desiredTasks(v2, now));
    expect(first.toCreate.map((t) => t.source)).toEqual(['intervention/b', 'intervention/b']);
    const second = reconcileTasks([...existing, ...first.toCreate], desiredTasks(v2, now));
    expect(second.toCreate).toEqual([]);
  });

  it('schedules the TCM contact from the discharge date', () => {
    const tcm = fold([
      { ...opened, program: 'tcm', dischargeDate: '2026-03-06' } as CaseEvent,
    ]) as CaseProjection;
    const [task] = desiredTasks(tcm, now);
    expect(task?.kind).toBe('tcm-interactive-contact');
    // Friday the 6th: two business days later is Tuesday the 10th, due at the end of that day.
    expect(task?.dueAt.toString()).toBe('2026-03-11T04:00:00Z');
  });

  it('has no monthly contact for case management, only the plan', () => {
    const cm = fold([{ ...opened, program: 'case-management' } as CaseEvent, plan(1, 'a')]) as CaseProjection;
    expect(new Set(desiredTasks(cm, now).map((t) => t.source))).toEqual(new Set(['intervention/a']));
  });

  it('assigns an intervention to the secondary of its service and reassigns open tasks with the primary', () => {
    const withSecondary = fold([
      opened,
      {
        type: 'team',
        ...ids,
        change: 'secondary-added',
        staffId: 'sw-1',
        service: 'social-work',
        at: '2026-03-03T00:00:00Z',
      },
      {
        ...plan(1),
        interventions: [
          { interventionId: 'x', kind: 'transport', responsible: 'social-work', cadence: 'monthly' },
        ],
      } as CaseEvent,
    ]) as CaseProjection;
    const tasks = desiredTasks(withSecondary, now);
    expect(tasks.filter((t) => t.source === 'intervention/x').every((t) => t.assigneeId === 'sw-1')).toBe(
      true,
    );
    const moved = applyCaseEvent(withSecondary, {
      type: 'team',
      ...ids,
      change: 'primary-reassigned',
      staffId: 'cm-9',
      at: '2026-03-08T00:00:00Z',
    }) as CaseProjection;
    const changes = reassignments(tasks, desiredTasks(moved, now));
    expect(changes.map((c) => c.task.source)).toEqual(['monthly-contact', 'monthly-contact']);
    expect(changes.every((c) => c.assigneeId === 'cm-9')).toBe(true);
  });
});
