import * as z from 'zod/mini';
import { SecondaryService } from '../../events/shared';
import { withMeta } from '../../meta';
import { IsoInstant } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { StaffId, tag } from './shared';

export const StaffRole = z.enum([
  'care-manager',
  'physician',
  'clinical-staff',
  'staff-admin',
  'billing-lead',
]);

const rosterExample = {
  role: 'care-manager',
  services: [],
  skills: ['ccm', 'diabetes', 'heart-failure'],
  languages: ['en'],
  capacity: 40,
  active: true,
} as const;

export const RosterStaffBody = withMeta(
  z.strictObject({
    role: StaffRole,
    /** Services delivered as a secondary case manager. */
    services: z.array(SecondaryService).check(z.maxLength(5)),
    /** Programs and clinical focus, e.g. `ccm`, `diabetes`. */
    skills: z
      .array(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a lowercase skill code')))
      .check(z.maxLength(50)),
    languages: z
      .array(
        z.string().check(z.regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'a BCP 47 language tag such as es')),
      )
      .check(z.maxLength(20)),
    /** Maximum number of active cases as primary. */
    capacity: z.int().check(z.gte(0), z.lte(1000)),
    active: z.boolean(),
  }),
  { example: rosterExample },
);

export const RosterStaffResource = withMeta(
  z.extend(RosterStaffBody, {
    staffId: StaffId,
    practiceId: z.string(),
    activeCases: z.int().check(z.gte(0)),
    updatedAt: IsoInstant,
  }),
  {
    example: {
      ...rosterExample,
      staffId: 'staff-boston-care-manager',
      practiceId: 'practice-boston',
      activeCases: 3,
      updatedAt: '2026-10-01T12:00:00Z',
    },
  },
);

export const StaffIdParams = z.object({ staffId: StaffId });

export const putRosterStaffRoute = defineRoute({
  operationId: 'putRosterStaff',
  method: 'PUT',
  path: '/v1/roster/staff/{staffId}',
  summary: "Create or update a staff member in the caller's practice roster",
  description:
    'Idempotent. The active case count is kept by the service and never taken from the body; lowering ' +
    'the capacity below it only stops new assignments.',
  tag,
  scopes: [scopes.rosterManage],
  params: StaffIdParams,
  body: RosterStaffBody,
  responses: {
    200: { description: 'The staff member as stored', schema: RosterStaffResource },
    403: { description: 'Not practice staff, or the token lacks roster:manage' },
    422: { description: 'Invalid roster entry' },
  },
});

export const listRosterStaffRoute = defineRoute({
  operationId: 'listRosterStaff',
  method: 'GET',
  path: '/v1/roster/staff',
  summary: "List the caller's practice roster",
  tag,
  scopes: [scopes.rosterManage],
  responses: {
    200: {
      description: 'Every staff member of the practice',
      schema: z.object({ items: z.array(RosterStaffResource) }),
    },
  },
});
