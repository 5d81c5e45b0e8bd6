import * as z from 'zod/mini';
import { Performer } from '../../events/shared';
import { withMeta } from '../../meta';
import { TimeEntryActivity, VoidReason } from '../../outreach-vocabulary';
import { IsoInstant, TimeProgram, Ulid, YearMonth } from '../../primitives';
import { defineRoute } from '../../route-contract';
import { PatientParams, problems, read, tag, write } from './shared';

export const TimeEntryBody = withMeta(
  z.strictObject({
    program: TimeProgram,
    performer: Performer,
    practitionerId: z.string().check(z.minLength(1), z.maxLength(128)),
    startedAt: IsoInstant,
    minutes: z.int().check(z.gte(1), z.lte(240)),
    activity: TimeEntryActivity,
    note: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
  }),
  {
    id: 'OutreachTimeEntryRequest',
    example: {
      program: 'ccm',
      performer: 'clinical-staff',
      practitionerId: 'staff-boston-clinical-staff',
      startedAt: '2026-10-10T15:00:00Z',
      minutes: 25,
      activity: 'medication-management',
      note: 'Reviewed the refill schedule',
    },
  },
);

export const TimeEntryResource = withMeta(
  z.object({
    timeEntryId: Ulid,
    caseId: Ulid,
    program: TimeProgram,
    performer: Performer,
    practitionerId: z.string(),
    startedAt: IsoInstant,
    minutes: z.int(),
    activity: TimeEntryActivity,
    note: z.optional(z.string()),
    recordedAt: IsoInstant,
    recordedBy: z.string(),
    voided: withMeta(z.optional(z.object({ reason: z.string(), by: z.string(), at: IsoInstant })), {
      description: 'Present once the entry was voided',
    }),
  }),
  {
    id: 'OutreachTimeEntry',
    example: {
      timeEntryId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8J',
      caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
      program: 'ccm',
      performer: 'clinical-staff',
      practitionerId: 'staff-boston-clinical-staff',
      startedAt: '2026-10-10T15:00:00Z',
      minutes: 25,
      activity: 'medication-management',
      recordedAt: '2026-10-10T15:30:00Z',
      recordedBy: 'staff-boston-clinical-staff',
    },
  },
);

export const logTimeEntryRoute = defineRoute({
  operationId: 'logTimeEntry',
  method: 'POST',
  path: '/v1/patients/{patientId}/time-entries',
  summary: 'Log staff time against a patient',
  description:
    'Entries are immutable. Entries ending in the future are rejected (422); an entry overlapping a non-voided entry of the same practitioner is a conflict (409) that names the other entry.',
  tag,
  scopes: write,
  idempotent: true,
  params: PatientParams,
  body: TimeEntryBody,
  responses: {
    201: { description: 'Logged', schema: TimeEntryResource },
    409: { description: 'Overlaps another entry of the same practitioner' },
    ...problems,
  },
});

export const VoidTimeEntryBody = withMeta(z.strictObject({ reason: VoidReason }), {
  id: 'OutreachVoidTimeEntryRequest',
  example: { reason: 'wrong-duration' },
});

export const voidTimeEntryRoute = defineRoute({
  operationId: 'voidTimeEntry',
  method: 'POST',
  path: '/v1/patients/{patientId}/time-entries/{entryId}/void',
  summary: 'Void a time entry (the audited correction)',
  tag,
  scopes: write,
  idempotent: true,
  params: z.object({ patientId: Ulid, entryId: Ulid }),
  body: VoidTimeEntryBody,
  responses: {
    200: { description: 'Voided', schema: TimeEntryResource },
    409: { description: 'Already voided' },
    ...problems,
  },
});

export const listTimeEntriesRoute = defineRoute({
  operationId: 'listTimeEntries',
  method: 'GET',
  path: '/v1/patients/{patientId}/time-entries',
  summary: 'List a patient’s time entries of a month (practice time zone)',
  tag,
  scopes: read,
  params: PatientParams,
  query: z.object({
    month: withMeta(z.optional(YearMonth), { description: 'Defaults to the current month' }),
  }),
  responses: {
    200: {
      description: 'The entries, voided ones included',
      schema: z.object({
        month: YearMonth,
        items: z.array(TimeEntryResource),
        minutes: withMeta(z.int(), { description: 'Sum of the non-voided entries' }),
      }),
    },
    ...problems,
  },
});
