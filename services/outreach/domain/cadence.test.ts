import { addMilliseconds, DAY_MS, HOUR_MS, parseInstant } from '@carelink/calendar';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildOutreachSchedule,
  type CarePlanFacts,
  type OutreachCaseFacts,
  type PlanIntervention,
  reconcileTasks,
  type TaskReconciliation,
} from './cadence';
import { InvalidInputError } from './errors';
import { INTERVENTION_KINDS, type OutreachTask } from './outreach-task';

const zone = 'America/New_York';
const now = parseInstant('2026-03-10T15:00:00Z');
const ccm: OutreachCaseFacts = {
  caseId: 'case-1',
  program: 'ccm',
  patientTimeZone: zone,
  primaryCaseManagerId: 'cm-1',
  enrolledAt: parseInstant('2026-01-05T15:00:00Z'),
};
const emptyPlan: CarePlanFacts = { planId: 'plan-1', revision: 1, interventions: [] };

function plan(...interventions: PlanIntervention[]): CarePlanFacts {
  return { planId: 'plan-1', revision: 2, interventions };
}

function apply(existing: readonly OutreachTask[], result: TaskReconciliation): OutreachTask[] {
  const cancelled = new Set(result.toCancel.map((task) => task.id));
  return [
    ...existing.map((task) => (cancelled.has(task.id) ? { ...task, status: 'cancelled' as const } : task)),
    ...result.toCreate,
  ];
}

describe('monthly contact cadence', () => {
  it('plans one contact per calendar month in the patient time zone, due when the month ends', () => {
    const tasks = buildOutreachSchedule(ccm, emptyPlan, { now });
    expect(
      tasks.map((task) => [task.kind, task.period, task.openFrom.toString(), task.dueAt.toString()]),
    ).toEqual([
      ['monthly-contact', '2026-03', '2026-03-01T05:00:00Z', '2026-04-01T04:00:00Z'],
      ['monthly-contact', '2026-04', '2026-04-01T04:00:00Z', '2026-05-01T04:00:00Z'],
    ]);
    expect(tasks.every((task) => task.assigneeId === 'cm-1' && task.status === 'open')).toBe(true);
  });

  it('uses the patient month, not the UTC month', () => {
    const lateOnTheLastDay = parseInstant('2026-04-01T02:00:00Z');
    const tasks = buildOutreachSchedule(ccm, emptyPlan, { now: lateOnTheLastDay, horizonMonths: 1 });
    expect(tasks.map((task) => task.period)).toEqual(['2026-03']);
  });

  it('does not plan contacts before the enrolment month', () => {
    const enrolledNextMonth = { ...ccm, enrolledAt: parseInstant('2026-04-02T15:00:00Z') };
    expect(buildOutreachSchedule(enrolledNextMonth, emptyPlan, { now }).map((task) => task.period)).toEqual([
      '2026-04',
    ]);
  });

  it('plans PCM like CCM', () => {
    const pcm = buildOutreachSchedule({ ...ccm, program: 'pcm' }, emptyPlan, { now, horizonMonths: 1 });
    expect(pcm.map((task) => task.kind)).toEqual(['monthly-contact']);
  });

  it.each([0, 25, 1.5])('rejects a horizon of %d months', (horizonMonths) => {
    expect(() => buildOutreachSchedule(ccm, emptyPlan, { now, horizonMonths })).toThrow(InvalidInputError);
  });
});

describe('TCM interactive contact', () => {
  const tcm = (dischargedAt: string): OutreachCaseFacts => ({
    ...ccm,
    program: 'tcm',
    dischargedAt: parseInstant(dischargedAt),
  });

  it.each([
    ['a Monday discharge', '2026-06-15T18:00:00Z', '2026-06-15', '2026-06-18T04:00:00Z'],
    ['a Friday discharge', '2026-06-19T18:00:00Z', '2026-06-19', '2026-06-24T04:00:00Z'],
    [
      'a discharge before the observed Independence Day',
      '2026-07-02T18:00:00Z',
      '2026-07-02',
      '2026-07-08T04:00:00Z',
    ],
    [
      'a late-evening discharge before the holiday',
      '2026-07-03T02:00:00Z',
      '2026-07-02',
      '2026-07-08T04:00:00Z',
    ],
    ['a discharge before Thanksgiving', '2026-11-25T18:00:00Z', '2026-11-25', '2026-12-01T05:00:00Z'],
  ])('is due within two business days after %s', (_label, dischargedAt, period, dueAt) => {
    const [task] = buildOutreachSchedule(tcm(dischargedAt), emptyPlan, { now });
    expect(task).toMatchObject({ kind: 'tcm-interactive-contact', period, recurrence: 'once' });
    expect(task?.dueAt.toString()).toBe(dueAt);
    expect(task?.openFrom.toString()).toBe(parseInstant(dischargedAt).toString());
  });

  it('plans no monthly contact for TCM', () => {
    const tasks = buildOutreachSchedule(tcm('2026-03-09T18:00:00Z'), emptyPlan, { now });
    expect(tasks.map((task) => task.kind)).toEqual(['tcm-interactive-contact']);
  });

  it('requires the discharge instant', () => {
    expect(() => buildOutreachSchedule({ ...ccm, program: 'tcm' }, emptyPlan, { now })).toThrow(
      InvalidInputError,
    );
  });
});

describe('intervention tasks', () => {
  it('plans one-off and monthly interventions and skips inactive ones', () => {
    const tasks = buildOutreachSchedule(
      ccm,
      plan(
        {
          id: 'iv-1',
          kind: 'appointment',
          status: 'active',
          schedule: { type: 'once', dueOn: '2026-03-20' },
        },
        {
          id: 'iv-2',
          kind: 'medication-refill',
          status: 'active',
          schedule: { type: 'monthly' },
          assigneeId: 'rn-2',
        },
        { id: 'iv-3', kind: 'education', status: 'discontinued', schedule: { type: 'monthly' } },
        {
          id: 'iv-4',
          kind: 'screening',
          status: 'completed',
          schedule: { type: 'once', dueOn: '2026-03-01' },
        },
      ),
      { now },
    );
    const interventions = tasks.filter((task) => task.kind !== 'monthly-contact');
    expect(interventions.map((task) => [task.kind, task.period, task.assigneeId])).toEqual([
      ['appointment', '2026-03-20', 'cm-1'],
      ['medication-refill', '2026-03', 'rn-2'],
      ['medication-refill', '2026-04', 'rn-2'],
    ]);
    const appointment = interventions[0]!;
    expect(appointment.openFrom.toString()).toBe('2026-03-13T04:00:00Z');
    expect(appointment.dueAt.toString()).toBe('2026-03-21T04:00:00Z');
  });

  it('derives ids from case, source and period only', () => {
    const intervention: PlanIntervention = {
      id: 'iv-1',
      kind: 'transport',
      status: 'active',
      schedule: { type: 'once', dueOn: '2026-03-20' },
    };
    const first = buildOutreachSchedule(ccm, plan(intervention), { now });
    const revised = buildOutreachSchedule(ccm, plan({ ...intervention, kind: 'other', assigneeId: 'x' }), {
      now: addMilliseconds(now, 30 * HOUR_MS),
    });
    expect(revised.map((task) => task.id)).toEqual(first.map((task) => task.id));
    expect(new Set(first.map((task) => task.id)).size).toBe(first.length);
  });

  it('cannot confuse an intervention with the built-in monthly contact', () => {
    const tasks = buildOutreachSchedule(
      ccm,
      plan({ id: 'monthly-contact', kind: 'other', status: 'active', schedule: { type: 'monthly' } }),
      { now },
    );
    expect(new Set(tasks.map((task) => task.id)).size).toBe(tasks.length);
  });

  it('rejects a malformed due date', () => {
    const bad = plan({
      id: 'iv',
      kind: 'other',
      status: 'active',
      schedule: { type: 'once', dueOn: '03/20/2026' },
    });
    expect(() => buildOutreachSchedule(ccm, bad, { now })).toThrow(InvalidInputError);
  });
});

describe('reconciling tasks', () => {
  const appointment: PlanIntervention = {
    id: 'iv-1',
    kind: 'appointment',
    status: 'active',
    schedule: { type: 'once', dueOn: '2026-03-20' },
  };

  it('creates everything the first time and nothing the second time', () => {
    const desired = buildOutreachSchedule(ccm, plan(appointment), { now });
    const first = reconcileTasks([], desired);
    expect(first.toCreate).toHaveLength(desired.length);
    const second = reconcileTasks(apply([], first), desired);
    expect(second.toCreate).toEqual([]);
    expect(second.toCancel).toEqual([]);
    expect(second.unchanged).toHaveLength(desired.length);
  });

  it('cancels the open task of a removed intervention but keeps finished work', () => {
    const existing = apply([], reconcileTasks([], buildOutreachSchedule(ccm, plan(appointment), { now })));
    const done = existing.map((task) =>
      task.kind === 'monthly-contact' && task.period === '2026-03'
        ? { ...task, status: 'done' as const }
        : task,
    );
    const result = reconcileTasks(
      done,
      buildOutreachSchedule({ ...ccm, program: 'tcm', dischargedAt: now }, emptyPlan, { now }),
    );
    expect(result.toCancel.map((task) => task.kind).sort()).toEqual(['appointment', 'monthly-contact']);
    expect(result.toCancel.find((task) => task.kind === 'monthly-contact')?.period).toBe('2026-04');
    expect(result.toCreate.map((task) => task.kind)).toEqual(['tcm-interactive-contact']);
  });

  it('replaces a one-off task when its due date moves', () => {
    const existing = apply([], reconcileTasks([], buildOutreachSchedule(ccm, plan(appointment), { now })));
    const moved = { ...appointment, schedule: { type: 'once' as const, dueOn: '2026-03-27' } };
    const result = reconcileTasks(existing, buildOutreachSchedule(ccm, plan(moved), { now }));
    expect(result.toCancel.map((task) => task.period)).toEqual(['2026-03-20']);
    expect(result.toCreate.map((task) => task.period)).toEqual(['2026-03-27']);
  });

  it('leaves last month’s open contact alone when the schedule moves on to a new month', () => {
    const existing = apply([], reconcileTasks([], buildOutreachSchedule(ccm, emptyPlan, { now })));
    const nextMonth = parseInstant('2026-04-10T15:00:00Z');
    const result = reconcileTasks(existing, buildOutreachSchedule(ccm, emptyPlan, { now: nextMonth }));
    expect(result.toCancel).toEqual([]);
    expect(result.toCreate.map((task) => task.period)).toEqual(['2026-05']);
  });

  it('never creates a task whose id already exists, whatever happened before', () => {
    const intervention = fc.record({
      id: fc.constantFrom('iv-1', 'iv-2', 'iv-3'),
      kind: fc.constantFrom(...INTERVENTION_KINDS),
      status: fc.constantFrom('active' as const, 'completed' as const, 'discontinued' as const),
      schedule: fc.oneof(
        fc.constant({ type: 'monthly' as const }),
        fc
          .integer({ min: 1, max: 28 })
          .map((day) => ({ type: 'once' as const, dueOn: `2026-03-${String(day).padStart(2, '0')}` })),
      ),
    });
    const revision = fc.record({
      interventions: fc.array(intervention, { maxLength: 4 }),
      program: fc.constantFrom('ccm' as const, 'pcm' as const, 'tcm' as const),
      dayOffset: fc.integer({ min: 0, max: 90 }),
    });
    fc.assert(
      fc.property(fc.array(revision, { minLength: 1, maxLength: 5 }), (revisions) => {
        let tasks: OutreachTask[] = [];
        for (const { interventions, program, dayOffset } of revisions) {
          const at = addMilliseconds(now, dayOffset * DAY_MS);
          const facts = { ...ccm, program, dischargedAt: now };
          const desired = buildOutreachSchedule(
            facts,
            { planId: 'p', revision: 1, interventions },
            { now: at },
          );
          tasks = apply(tasks, reconcileTasks(tasks, desired));
          expect(new Set(tasks.map((task) => task.id)).size).toBe(tasks.length);
          const again = reconcileTasks(tasks, desired);
          expect(again.toCreate).toEqual([]);
          expect(again.toCancel).toEqual([]);
          expect(again.unchanged).toHaveLength(tasks.length);
        }
      }),
    );
  });
});
