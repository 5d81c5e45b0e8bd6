import { type Instant, instantFromEpochMs, parseInstant, parseIsoDate, startOfDay } from '@carelink/calendar';
import {
  buildOutreachSchedule,
  type CarePlanFacts,
  type OutreachCaseFacts,
  type PlanIntervention,
} from './cadence';
import type { InterventionKind, OutreachTask } from './outreach-task';

/** Programs a case can be opened for; only ccm, pcm and tcm carry a contact cadence. */
export type CaseProgram = 'case-management' | 'ccm' | 'pcm' | 'tcm';

/** A care-plan intervention as the care-planning events describe it (kinds and cadence only). */
export interface PlannedInterventionFacts {
  readonly interventionId: string;
  readonly kind: InterventionKind;
  /** `primary` or the secondary service responsible for it. */
  readonly responsible: string;
  readonly dueDate?: string;
  readonly cadence?: 'once' | 'weekly' | 'monthly' | 'quarterly';
}

/** What outreach knows of a case, merged from the care-planning events in whatever order they arrive. */
export interface CaseProjection {
  readonly caseId: string;
  readonly patientId: string;
  readonly practiceId: string;
  readonly program?: CaseProgram;
  readonly primaryStaffId?: string;
  readonly timeZone?: string;
  readonly identifiedAt?: string;
  readonly dischargeDate?: string;
  /** The partner's referral the case came from: community referral outcomes go back to it. */
  readonly referralId?: string;
  readonly opened: boolean;
  readonly closed: boolean;
  /** When the case closed; no time is counted after it. */
  readonly closedAt?: string;
  readonly planId?: string;
  readonly planVersion?: number;
  readonly interventions?: readonly PlannedInterventionFacts[];
  /** Secondary case managers by service. */
  readonly secondaries: Readonly<Record<string, string>>;
  /** When the last care-team change happened; older changes are stale. */
  readonly teamChangedAt?: string;
  /** True once a reassignment set the primary, so a late CaseOpened does not undo it. */
  readonly primaryReassigned?: boolean;
}

/** The care-planning facts outreach reacts to. */
export type CaseEvent =
  | {
      readonly type: 'opened';
      readonly caseId: string;
      readonly patientId: string;
      readonly practiceId: string;
      readonly program: CaseProgram;
      readonly primaryStaffId: string;
      readonly timeZone: string;
      readonly identifiedAt: string;
      readonly dischargeDate?: string;
      readonly referralId?: string;
    }
  | {
      readonly type: 'plan';
      readonly caseId: string;
      readonly patientId: string;
      readonly practiceId: string;
      readonly program: CaseProgram;
      readonly planId: string;
      readonly version: number;
      readonly interventions: readonly PlannedInterventionFacts[];
    }
  | {
      readonly type: 'closed';
      readonly caseId: string;
      readonly patientId: string;
      readonly practiceId: string;
      readonly program: CaseProgram;
      readonly at?: string;
    }
  | {
      readonly type: 'team';
      readonly caseId: string;
      readonly patientId: string;
      readonly practiceId: string;
      readonly change: 'primary-reassigned' | 'secondary-added' | 'secondary-removed';
      readonly staffId: string;
      readonly service?: string;
      readonly at: string;
    };

function empty(event: CaseEvent): CaseProjection {
  return {
    caseId: event.caseId,
    patientId: event.patientId,
    practiceId: event.practiceId,
    opened: false,
    closed: false,
    secondaries: {},
  };
}

/**
 * Applies one event to the projection. Returns `undefined` when the event changes nothing: a
 * duplicate open or close, a plan version not newer than the one held, or a care-team change older
 * than the last one applied. Events may arrive in any order.
 */
export function applyCaseEvent(
  current: CaseProjection | undefined,
  event: CaseEvent,
): CaseProjection | undefined {
  const base = current ?? empty(event);
  switch (event.type) {
    case 'opened': {
      if (base.opened) return undefined;
      return {
        ...base,
        opened: true,
        program: event.program,
        primaryStaffId: base.primaryReassigned ? base.primaryStaffId : event.primaryStaffId,
        timeZone: event.timeZone,
        identifiedAt: event.identifiedAt,
        ...(event.dischargeDate ? { dischargeDate: event.dischargeDate } : {}),
        ...(event.referralId ? { referralId: event.referralId } : {}),
      };
    }
    case 'plan': {
      if (base.planVersion !== undefined && base.planVersion >= event.version) return undefined;
      return {
        ...base,
        program: base.program ?? event.program,
        planId: event.planId,
        planVersion: event.version,
        interventions: event.interventions,
      };
    }
    case 'closed': {
      if (base.closed) return undefined;
      return {
        ...base,
        program: base.program ?? event.program,
        closed: true,
        ...(event.at ? { closedAt: event.at } : {}),
      };
    }
    case 'team': {
      if (base.teamChangedAt !== undefined && event.at < base.teamChangedAt) return undefined;
      const secondaries = { ...base.secondaries };
      if (event.change === 'secondary-added' && event.service) secondaries[event.service] = event.staffId;
      if (
        event.change === 'secondary-removed' &&
        event.service &&
        secondaries[event.service] === event.staffId
      )
        delete secondaries[event.service];
      return {
        ...base,
        secondaries,
        teamChangedAt: event.at,
        ...(event.change === 'primary-reassigned'
          ? { primaryStaffId: event.staffId, primaryReassigned: true }
          : {}),
      };
    }
  }
}

function toPlanIntervention(
  intervention: PlannedInterventionFacts,
  secondaries: Readonly<Record<string, string>>,
): PlanIntervention {
  const assigneeId =
    intervention.responsible === 'primary' ? undefined : secondaries[intervention.responsible];
  // Weekly work is followed up within the monthly task; quarterly or one-off work with a date is due
  // on that date. Anything without a date recurs monthly so it is never lost.
  const schedule: PlanIntervention['schedule'] =
    intervention.dueDate &&
    (intervention.cadence === 'once' || intervention.cadence === 'quarterly' || !intervention.cadence)
      ? { type: 'once', dueOn: intervention.dueDate }
      : { type: 'monthly' };
  return {
    id: intervention.interventionId,
    kind: intervention.kind,
    status: 'active',
    schedule,
    ...(assigneeId ? { assigneeId } : {}),
  };
}

/**
 * The tasks a case should have at `now`: none until the case is opened (its time zone and primary
 * are unknown before) and none once it is closed. TCM counts from the discharge date (start of that
 * day in the patient's zone), or from the identification instant when no discharge date was given.
 * Case management has no contact cadence, only the plan's interventions.
 */
export function desiredTasks(projection: CaseProjection, now: Instant): OutreachTask[] {
  const { program, timeZone, primaryStaffId, identifiedAt } = projection;
  if (!projection.opened || projection.closed || !program || !timeZone || !primaryStaffId || !identifiedAt)
    return [];
  const enrolledAt = parseInstant(identifiedAt);
  const dischargedAt = projection.dischargeDate
    ? instantFromEpochMs(startOfDay(parseIsoDate(projection.dischargeDate), timeZone))
    : program === 'tcm'
      ? enrolledAt
      : undefined;
  const facts: OutreachCaseFacts = {
    caseId: projection.caseId,
    program: program === 'case-management' ? 'ccm' : program,
    patientTimeZone: timeZone,
    primaryCaseManagerId: primaryStaffId,
    enrolledAt,
    ...(dischargedAt ? { dischargedAt } : {}),
  };
  const plan: CarePlanFacts = {
    planId: projection.planId ?? 'none',
    revision: projection.planVersion ?? 0,
    interventions: (projection.interventions ?? []).map((i) => toPlanIntervention(i, projection.secondaries)),
  };
  const tasks = buildOutreachSchedule(facts, plan, { now });
  return program === 'case-management' ? tasks.filter((task) => task.source !== 'monthly-contact') : tasks;
}

/** Open tasks whose assignee differs from the one the schedule now wants (e.g. after a reassignment). */
export function reassignments(
  existing: readonly OutreachTask[],
  desired: readonly OutreachTask[],
): { task: OutreachTask; assigneeId: string }[] {
  const wanted = new Map(desired.map((task) => [task.id, task.assigneeId]));
  const result: { task: OutreachTask; assigneeId: string }[] = [];
  for (const task of existing) {
    const assigneeId = wanted.get(task.id);
    if (task.status === 'open' && assigneeId !== undefined && assigneeId !== task.assigneeId)
      result.push({ task, assigneeId });
  }
  return result;
}
