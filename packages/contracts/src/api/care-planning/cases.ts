import * as z from 'zod/mini';
import { CaseCloseReason, SecondaryService } from '../../events/shared';
import { withMeta } from '../../meta';
import { Cursor, IanaTimeZone, IsoDate, IsoInstant, Program, Ulid } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { ReviewTask } from './review-tasks';
import { CaseIdParams, StaffId, tag } from './shared';

export const CaseStatus = z.enum(['unassigned', 'open', 'active', 'closed']);

export const CareTeamMember = z.object({
  role: z.enum(['primary', 'secondary']),
  staffId: StaffId,
  service: z.optional(SecondaryService),
  from: IsoInstant,
  until: z.optional(IsoInstant),
});

export const CaseSummaryResource = withMeta(
  z.object({
    caseId: Ulid,
    patientId: Ulid,
    referralId: Ulid,
    practiceId: z.string(),
    program: Program,
    status: CaseStatus,
    primaryStaffId: z.optional(StaffId),
    unassignedReason: z.optional(z.string()),
    identifiedAt: IsoDate,
    openedAt: z.optional(IsoInstant),
    planVersion: z.int().check(z.gte(0)),
  }),
  {
    example: {
      caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
      patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
      referralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
      practiceId: 'practice-boston',
      program: 'ccm',
      status: 'open',
      primaryStaffId: 'staff-boston-care-manager',
      identifiedAt: '2026-10-01',
      openedAt: '2026-10-01T12:00:01Z',
      planVersion: 0,
    },
  },
);

export const ScreeningResult = z.object({
  score: z.int().check(z.gte(0)),
  band: z.string(),
  scoredAt: IsoInstant,
});

export const CaseResource = z.extend(CaseSummaryResource, {
  timeZone: IanaTimeZone,
  dischargeDate: z.optional(IsoDate),
  closeReason: z.optional(CaseCloseReason),
  closedAt: z.optional(IsoInstant),
  careTeam: z.array(CareTeamMember),
  assessment: z.object({
    status: z.enum(['on-track', 'begin-overdue', 'completion-overdue']),
    beginBy: IsoDate,
    completeBy: IsoDate,
    begunAt: z.optional(IsoInstant),
    completedAt: z.optional(IsoInstant),
    missingSections: z.array(z.string()),
  }),
  screenings: z.record(z.string(), ScreeningResult),
  reviewTasks: z.array(ReviewTask),
});

export const ListCasesQuery = z.object({
  assignee: withMeta(z._default(z.union([z.literal('me'), z.literal('unassigned'), StaffId]), 'me'), {
    description: '`me` (the caller), `unassigned` (the worklist) or a staff id',
  }),
  status: z.optional(CaseStatus),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
  cursor: z.optional(Cursor),
});

export const listCasesRoute = defineRoute({
  operationId: 'listCases',
  method: 'GET',
  path: '/v1/cases',
  summary: "List the practice's cases by assignee",
  description:
    "Without `assignee` the list is the caller's own cases (`me`); `assignee=unassigned` is the " +
    'worklist of cases waiting for a primary. The answer says which filter it applied.',
  tag,
  scopes: [scopes.casesRead],
  query: ListCasesQuery,
  responses: {
    200: {
      description: 'A page of cases, newest first, with the filter applied',
      schema: z.object({
        items: z.array(CaseSummaryResource),
        nextCursor: z.optional(z.string()),
        filter: withMeta(z.object({ assignee: z.string(), status: z.optional(CaseStatus) }), {
          description: 'The filter the page was read with, defaults included (`assignee: me`)',
        }),
      }),
    },
  },
});

export const getCaseRoute = defineRoute({
  operationId: 'getCase',
  method: 'GET',
  path: '/v1/cases/{caseId}',
  summary: 'Read a case: care team, assessment status, plan version and review tasks',
  tag,
  scopes: [scopes.casesRead],
  params: CaseIdParams,
  responses: {
    200: { description: 'The case', schema: CaseResource },
    404: { description: 'No such case in the caller’s practice' },
  },
});

export const CareTeamChangeBody = withMeta(
  z.discriminatedUnion('action', [
    z.strictObject({ action: z.literal('reassign-primary'), staffId: StaffId }),
    z.strictObject({ action: z.literal('add-secondary'), staffId: StaffId, service: SecondaryService }),
    z.strictObject({ action: z.literal('remove-secondary'), staffId: StaffId, service: SecondaryService }),
  ]),
  { example: { action: 'add-secondary', staffId: 'staff-boston-bh-1', service: 'behavioral-health' } },
);

export const changeCareTeamRoute = defineRoute({
  operationId: 'changeCareTeam',
  method: 'POST',
  path: '/v1/cases/{caseId}/care-team',
  summary: 'Reassign the primary, or add or remove a secondary case manager',
  description:
    'Allowed to staff admins (roster:manage) and to the case’s primary (cases:write). Reassigning an ' +
    'unassigned case assigns its first primary and opens it. The new primary needs spare capacity.',
  tag,
  scopes: [scopes.casesRead],
  params: CaseIdParams,
  body: CareTeamChangeBody,
  idempotent: true,
  responses: {
    200: { description: 'The case after the change', schema: CaseResource },
    403: { description: 'Neither a staff admin nor the primary' },
    404: { description: 'No such case' },
    409: { description: 'The change breaks a care team rule, or the staff member has no capacity' },
    422: { description: 'Unknown or unsuitable staff member' },
  },
});

export const CloseCaseBody = withMeta(z.strictObject({ reason: CaseCloseReason }), {
  example: { reason: 'goals-met' },
});

export const closeCaseRoute = defineRoute({
  operationId: 'closeCase',
  method: 'POST',
  path: '/v1/cases/{caseId}/close',
  summary: 'Close a case with a coded reason',
  tag,
  scopes: [scopes.casesWrite],
  params: CaseIdParams,
  body: CloseCaseBody,
  idempotent: true,
  responses: {
    200: { description: 'The closed case', schema: CaseResource },
    403: { description: 'Not the primary case manager' },
    404: { description: 'No such case' },
    409: { description: 'Already closed, or not yet assigned' },
  },
});
