import type { Instant } from '@carelink/calendar';
import { CaseCloseReason } from '@carelink/contracts';
import * as z from 'zod/mini';
import { InvalidTransitionError } from './errors';
import type { CaseActivated, CaseClosed, CaseEvent, CaseOpened } from './events';
import { IdSchema, InstantSchema, IsoDateSchema, parseOrThrow, TimeZoneSchema } from './primitives';
import { ProgramSchema } from './program';
import { SecondaryServiceSchema } from './roster';

/** Lifecycle states of a case. */
export const CaseStateSchema = z.enum(['open', 'active', 'closed']);
/** Lifecycle state of a case. */
export type CaseState = z.infer<typeof CaseStateSchema>;

/** Why a case was closed. */
export const CloseReasonSchema = CaseCloseReason;
/** Why a case was closed. */
export type CloseReason = z.infer<typeof CloseReasonSchema>;

const AssignmentPeriod = {
  staffId: IdSchema,
  from: InstantSchema,
  /** Absent while the assignment is in force. */
  until: z.optional(InstantSchema),
};

/**
 * One stint of a staff member on the care team. Assignments are never deleted, only ended,
 * so the team's history stays auditable.
 */
export const CareTeamAssignmentSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('primary'), ...AssignmentPeriod }),
  z.strictObject({ role: z.literal('secondary'), service: SecondaryServiceSchema, ...AssignmentPeriod }),
]);
/** One stint of a staff member on the care team. */
export type CareTeamAssignment = z.infer<typeof CareTeamAssignmentSchema>;

/** A care management case for one patient in one program. */
export const CaseSchema = z.strictObject({
  caseId: IdSchema,
  tenantId: IdSchema,
  practiceId: IdSchema,
  patientId: IdSchema,
  referralId: IdSchema,
  program: ProgramSchema,
  /** Date the patient was identified for the program; assessment deadlines count from it. */
  identifiedAt: IsoDateSchema,
  /** The practice's time zone, used to turn instants into the practice's calendar days. */
  timeZone: TimeZoneSchema,
  state: CaseStateSchema,
  closeReason: z.optional(CloseReasonSchema),
  openedAt: InstantSchema,
  activatedAt: z.optional(InstantSchema),
  closedAt: z.optional(InstantSchema),
  careTeam: z.array(CareTeamAssignmentSchema),
});
/** A care management case. */
export type Case = z.infer<typeof CaseSchema>;

/** What is needed to open a case once the patient is found eligible for a program. */
export const OpenCaseInputSchema = z.extend(
  z.pick(CaseSchema, {
    caseId: true,
    tenantId: true,
    practiceId: true,
    patientId: true,
    referralId: true,
    program: true,
    identifiedAt: true,
    timeZone: true,
  }),
  { primaryStaffId: IdSchema },
);
/** What is needed to open a case. */
export type OpenCaseInput = z.infer<typeof OpenCaseInputSchema>;

/** A case after a change, with the events the change caused. */
export interface CaseResult<E extends CaseEvent = CaseEvent> {
  case: Case;
  events: E[];
}

/** Opens a case in state `open` with its first primary case manager. */
export const openCase = (input: OpenCaseInput, now: Instant): CaseResult<CaseOpened> => {
  const valid = parseOrThrow(OpenCaseInputSchema, input, 'case input');
  const at = now.toString();
  const { primaryStaffId, ...identity } = valid;
  const opened: Case = {
    ...identity,
    state: 'open',
    openedAt: at,
    careTeam: [{ role: 'primary', staffId: primaryStaffId, from: at }],
  };
  return {
    case: opened,
    events: [
      {
        type: 'CaseOpened',
        tenantId: opened.tenantId,
        caseId: opened.caseId,
        occurredAt: at,
        practiceId: opened.practiceId,
        program: opened.program,
        primaryStaffId,
      },
    ],
  };
};

/** Marks the case active once care management begins; only an open case can become active. */
export const activateCase = (current: Case, now: Instant): CaseResult<CaseActivated> => {
  if (current.state !== 'open') throw new InvalidTransitionError(current.state, 'activate');
  const at = now.toString();
  return {
    case: { ...current, state: 'active', activatedAt: at },
    events: [{ type: 'CaseActivated', tenantId: current.tenantId, caseId: current.caseId, occurredAt: at }],
  };
};

/**
 * Closes an open or active case. The care team is left as it was so the closed case
 * still shows who was responsible at the end.
 */
export const closeCase = (current: Case, reason: CloseReason, now: Instant): CaseResult<CaseClosed> => {
  if (current.state === 'closed') throw new InvalidTransitionError(current.state, 'close');
  const validReason = parseOrThrow(CloseReasonSchema, reason, 'close reason');
  const at = now.toString();
  return {
    case: { ...current, state: 'closed', closeReason: validReason, closedAt: at },
    events: [
      {
        type: 'CaseClosed',
        tenantId: current.tenantId,
        caseId: current.caseId,
        occurredAt: at,
        reason: validReason,
      },
    ],
  };
};
