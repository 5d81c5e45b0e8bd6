import * as z from 'zod/mini';
import { defineEvent, ServiceName } from '../event-contract';
import { IsoInstant, Ulid } from '../primitives';

/** A path parameter's name as route templates spell it, e.g. `referralId`. */
export const PathParameterName = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/));

/** A path parameter's value: an id or a code (ULID, month, practitioner id), never free text. */
export const PathParameterValue = z.string().check(z.regex(/^[A-Za-z0-9._:-]{1,128}$/));

export const AccessRecordedData = z.strictObject({
  /** Who: the token's subject (staff member or partner client), never a patient. */
  subject: z.string().check(z.minLength(1), z.maxLength(256)),
  /**
   * The staff role of the token; `partner` for partner clients, `operator` for the operator and
   * `integration` for a tenant's machine client, whose tokens carry no role.
   */
  role: z.string().check(z.minLength(1), z.maxLength(64)),
  practiceId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  /** The referring organisation whose client made the request. */
  partnerId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  /** What: the service and operation that answered, and its route template. */
  service: ServiceName,
  operationId: z.string().check(z.minLength(1), z.maxLength(128)),
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']),
  routeTemplate: z.string().check(z.startsWith('/v1/'), z.maxLength(256)),
  /** The ids in the path, as validated by the route; bodies and query values are never recorded. */
  pathParameters: z.record(PathParameterName, PathParameterValue),
  /** The patient whose record was read or written, when the route or its handler knows it. */
  patientId: z.optional(Ulid),
  /** The HTTP status the caller received. */
  status: z.int().check(z.gte(100), z.lte(599)),
  /** When the request was answered. */
  at: IsoInstant,
});

export const AccessRecordedV1 = defineEvent({
  source: 'carelink.audit',
  detailType: 'AccessRecorded',
  version: 1,
  description:
    'An authenticated API request was answered: who made it, which operation on which ids, the patient when known, and the status. Ids and codes only.',
  data: AccessRecordedData,
  example: {
    subject: 'staff-boston-care-manager',
    role: 'care-manager',
    practiceId: 'practice-boston',
    service: 'billing',
    operationId: 'putMedicalDecisionMaking',
    method: 'PUT',
    routeTemplate: '/v1/billing/patients/{patientId}/months/{month}/mdm',
    pathParameters: { patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D', month: '2026-10' },
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    status: 200,
    at: '2026-11-02T15:04:05.000Z',
  },
});
