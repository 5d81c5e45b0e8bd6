import * as z from 'zod/mini';
import { ServiceName } from '../event-contract';
import { AccessRecordedV1, PathParameterName, PathParameterValue } from '../events/access-recorded.v1';
import { withMeta } from '../meta';
import { Cursor, IsoInstant, Ulid } from '../primitives';
import { defineRoute, type RouteContract, scopes } from '../route-contract';

const tag = 'audit';

const PatientId = withMeta(Ulid, { description: 'Patient id', example: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D' });
const Subject = withMeta(z.string().check(z.regex(/^[A-Za-z0-9._:@|+-]{1,256}$/, 'a token subject')), {
  description: 'Subject of the token that made the request',
  example: 'staff-boston-care-manager',
});

/** Query of `GET /v1/audit`: by patient, by subject, or both; optionally within a time range. */
export const AccessRecordQuery = z
  .strictObject({
    patientId: z.optional(PatientId),
    subject: z.optional(Subject),
    from: withMeta(z.optional(IsoInstant), { description: 'Earliest answer time, inclusive' }),
    to: withMeta(z.optional(IsoInstant), { description: 'Latest answer time, inclusive' }),
    cursor: z.optional(Cursor),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
  })
  .check(
    z.refine((query) => query.patientId !== undefined || query.subject !== undefined, {
      message: 'give patientId, subject or both',
      path: ['patientId'],
    }),
    z.refine((query) => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), {
      message: 'from must not be after to',
      path: ['from'],
    }),
  );

/** The event's example as the audit trail serves it: with the event and correlation ids. */
const { at, ...recorded } = AccessRecordedV1.example;
const accessRecordExample = {
  eventId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8R',
  at,
  correlationId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8P',
  ...recorded,
};

/** One recorded access: who, what, when and the outcome; ids and codes only. */
export const AccessRecordResource = withMeta(
  z.object({
    eventId: Ulid,
    at: IsoInstant,
    correlationId: z.string(),
    subject: z.string(),
    role: z.string(),
    practiceId: z.optional(z.string()),
    service: ServiceName,
    operationId: z.string(),
    method: z.string(),
    routeTemplate: z.string(),
    pathParameters: z.record(PathParameterName, PathParameterValue),
    patientId: z.optional(Ulid),
    status: z.int(),
  }),
  { id: 'AccessRecord', example: accessRecordExample },
);

export const AccessRecordPageResource = withMeta(
  z.object({ items: z.array(AccessRecordResource), nextCursor: z.optional(z.string()) }),
  { id: 'AccessRecordPage', example: { items: [accessRecordExample] } },
);

export const listAccessRecordsRoute = defineRoute({
  operationId: 'listAccessRecords',
  method: 'GET',
  path: '/v1/audit',
  summary: "The audit trail of a patient's record or of a user, newest first",
  description:
    'Every authenticated API request is recorded with its subject, operation, path ids, patient and status. ' +
    'Compliance staff see the records of their own tenant only; when their token names a practice, only ' +
    'the records of requests made by staff of that practice. A page may hold fewer than `limit` items ' +
    'while `nextCursor` is present; follow it to the end.',
  tag,
  scopes: [scopes.auditRead],
  query: AccessRecordQuery,
  responses: {
    200: { description: 'A page of access records, newest first', schema: AccessRecordPageResource },
    422: { description: 'Neither patientId nor subject, a bad range or an invalid cursor' },
  },
});

/** Routes served by the audit service. */
export const auditRoutes: readonly RouteContract[] = [listAccessRecordsRoute];
