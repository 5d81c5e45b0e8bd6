import {
  addBusinessDays,
  addDays,
  addMonths,
  type Instant,
  instantFromEpochMs,
  localDate,
  monthBounds,
  monthOf,
  parseIsoDate,
  startOfDay as startOfDayMs,
} from '@carelink/calendar';
import { InvalidInputError } from './errors';
import {
  type InterventionKind,
  interventionSource,
  type OutreachTask,
  type OutreachTaskKind,
  outreachTaskId,
} from './outreach-task';

/** Programs that drive an outreach cadence. */
export type OutreachProgram = 'ccm' | 'pcm' | 'tcm';

/** The case facts a schedule is built from. */
export interface OutreachCaseFacts {
  readonly caseId: string;
  readonly program: OutreachProgram;
  readonly patientTimeZone: string;
  readonly primaryCaseManagerId: string;
  /** Monthly contacts start with the month of enrolment. */
  readonly enrolledAt: Instant;
  /** Required for `tcm`: the interactive contact is counted from the discharge. */
  readonly dischargedAt?: Instant;
}

/** When an intervention is due: once on a local date, or every calendar month. */
export type InterventionSchedule =
  | { readonly type: 'once'; readonly dueOn: string }
  | { readonly type: 'monthly' };

/** A care-plan intervention as far as outreach is concerned. */
export interface PlanIntervention {
  readonly id: string;
  readonly kind: InterventionKind;
  readonly status: 'active' | 'completed' | 'discontinued';
  readonly schedule: InterventionSchedule;
  /** Defaults to the primary case manager. */
  readonly assigneeId?: string;
}

/** The current revision of a care plan. */
export interface CarePlanFacts {
  readonly planId: string;
  readonly revision: number;
  readonly interventions: readonly PlanIntervention[];
}

/** Options of `buildOutreachSchedule`. */
export interface ScheduleOptions {
  readonly now: Instant;
  /** Calendar months covered, starting with the current one. Defaults to 2 so next month is visible early. */
  readonly horizonMonths?: number;
}

/** TCM requires the interactive contact within this many business days after discharge. */
export const TCM_CONTACT_BUSINESS_DAYS = 2;
/** One-off intervention tasks show on the worklist this many days before their due date. */
export const ONE_OFF_LEAD_DAYS = 7;
const MONTHLY_CONTACT = 'monthly-contact';
const TCM_CONTACT = 'tcm-interactive-contact';

function startOfDay(date: string, timeZone: string): Instant {
  return instantFromEpochMs(startOfDayMs(date, timeZone));
}

function horizon(facts: OutreachCaseFacts, options: ScheduleOptions): string[] {
  const count = options.horizonMonths ?? 2;
  if (!Number.isSafeInteger(count) || count < 1 || count > 24) {
    throw new InvalidInputError('schedule options', [{ path: 'horizonMonths', code: 'out_of_range' }]);
  }
  const current = monthOf(options.now, facts.patientTimeZone);
  const enrolled = monthOf(facts.enrolledAt, facts.patientTimeZone);
  const months: string[] = [];
  for (let offset = 0; offset < count; offset += 1) {
    const month = addMonths(current, offset);
    if (month >= enrolled) months.push(month);
  }
  return months;
}

function task(
  facts: OutreachCaseFacts,
  fields: Omit<OutreachTask, 'id' | 'caseId' | 'status'> & { kind: OutreachTaskKind },
): OutreachTask {
  return {
    ...fields,
    id: outreachTaskId(facts.caseId, fields.source, fields.period),
    caseId: facts.caseId,
    status: 'open',
  };
}

function monthlyTask(
  facts: OutreachCaseFacts,
  month: string,
  kind: OutreachTaskKind,
  source: string,
  assigneeId: string,
): OutreachTask {
  const bounds = monthBounds(month, facts.patientTimeZone);
  return task(facts, {
    kind,
    source,
    period: month,
    recurrence: 'monthly',
    openFrom: bounds.start,
    dueAt: bounds.end,
    assigneeId,
  });
}

/**
 * The TCM interactive contact is due by the end of the second business day after the discharge
 * date (weekends and federal holidays skipped), in the patient's time zone.
 */
function tcmTask(facts: OutreachCaseFacts): OutreachTask {
  if (!facts.dischargedAt) {
    throw new InvalidInputError('case facts', [{ path: 'dischargedAt', code: 'required_for_tcm' }]);
  }
  const dischargeDate = localDate(facts.dischargedAt, facts.patientTimeZone);
  const lastDay = addBusinessDays(dischargeDate, TCM_CONTACT_BUSINESS_DAYS);
  return task(facts, {
    kind: TCM_CONTACT,
    source: TCM_CONTACT,
    period: dischargeDate,
    recurrence: 'once',
    openFrom: facts.dischargedAt,
    dueAt: startOfDay(addDays(lastDay, 1), facts.patientTimeZone),
    assigneeId: facts.primaryCaseManagerId,
  });
}

function parseDueOn(value: string): string {
  try {
    return parseIsoDate(value);
  } catch {
    throw new InvalidInputError('care plan', [
      { path: 'interventions.schedule.dueOn', code: 'invalid_date' },
    ]);
  }
}

function interventionTasks(
  facts: OutreachCaseFacts,
  intervention: PlanIntervention,
  months: readonly string[],
): OutreachTask[] {
  const source = interventionSource(intervention.id);
  const assigneeId = intervention.assigneeId ?? facts.primaryCaseManagerId;
  if (intervention.schedule.type === 'monthly') {
    return months.map((month) => monthlyTask(facts, month, intervention.kind, source, assigneeId));
  }
  const dueOn = parseDueOn(intervention.schedule.dueOn);
  return [
    task(facts, {
      kind: intervention.kind,
      source,
      period: dueOn,
      recurrence: 'once',
      openFrom: startOfDay(addDays(dueOn, -ONE_OFF_LEAD_DAYS), facts.patientTimeZone),
      dueAt: startOfDay(addDays(dueOn, 1), facts.patientTimeZone),
      assigneeId,
    }),
  ];
}

/**
 * Builds the tasks a case should have now: a contact every calendar month for CCM and PCM, the
 * two-business-day interactive contact for TCM, and a task per active intervention of the plan.
 * The result depends only on its inputs, so it can be recomputed after every plan revision and
 * reconciled with `reconcileTasks`.
 */
export function buildOutreachSchedule(
  facts: OutreachCaseFacts,
  plan: CarePlanFacts,
  options: ScheduleOptions,
): OutreachTask[] {
  const months = horizon(facts, options);
  // CMS allows TCM and CCM in the same month: a CCM case opened after a discharge also gets the
  // TCM interactive contact.
  const tasks: OutreachTask[] =
    facts.program === 'tcm'
      ? [tcmTask(facts)]
      : [
          ...months.map((month) =>
            monthlyTask(facts, month, MONTHLY_CONTACT, MONTHLY_CONTACT, facts.primaryCaseManagerId),
          ),
          ...(facts.dischargedAt ? [tcmTask(facts)] : []),
        ];
  for (const intervention of plan.interventions) {
    if (intervention.status === 'active') tasks.push(...interventionTasks(facts, intervention, months));
  }
  return tasks;
}

/** What a store must do to bring a case's tasks in line with a freshly built schedule. */
export interface TaskReconciliation {
  readonly toCreate: readonly OutreachTask[];
  readonly toCancel: readonly OutreachTask[];
  /** Existing tasks that need no write. */
  readonly unchanged: readonly OutreachTask[];
}

/**
 * Compares existing tasks with the desired schedule by id. Desired tasks whose id already exists
 * are never created again, whatever the existing task's status, so running the reconciliation twice
 * creates nothing the second time. Open tasks the schedule no longer wants are cancelled, except
 * earlier occurrences of a recurring task that is still wanted: they fell out of the schedule's
 * window, not out of the plan, and stay on the worklist until someone closes them.
 */
export function reconcileTasks(
  existing: readonly OutreachTask[],
  desired: readonly OutreachTask[],
): TaskReconciliation {
  const existingIds = new Set(existing.map((task) => task.id));
  const desiredIds = new Set<string>();
  const earliestWantedPeriod = new Map<string, string>();
  const toCreate: OutreachTask[] = [];
  for (const task of desired) {
    const key = `${task.caseId}\u0000${task.source}`;
    const earliest = earliestWantedPeriod.get(key);
    if (earliest === undefined || task.period < earliest) earliestWantedPeriod.set(key, task.period);
    if (desiredIds.has(task.id)) continue;
    desiredIds.add(task.id);
    if (!existingIds.has(task.id)) toCreate.push(task);
  }
  const toCancel: OutreachTask[] = [];
  const unchanged: OutreachTask[] = [];
  for (const task of existing) {
    const earliest = earliestWantedPeriod.get(`${task.caseId}\u0000${task.source}`);
    const pastOccurrence = task.recurrence === 'monthly' && earliest !== undefined && task.period < earliest;
    if (task.status === 'open' && !desiredIds.has(task.id) && !pastOccurrence) toCancel.push(task);
    else unchanged.push(task);
  }
  return { toCreate, toCancel, unchanged };
}
