import * as z from 'zod';
import { defineEvent, ServiceName } from '../event-contract';
import { IsoInstant, Ulid } from '../primitives';

/** A path parameter's name as route templates spell it, e.g. `referralId`. */
export const PathParameterName = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/);

/** A path parameter's value: an id or a code (ULID, month, practitioner id), never free text. */
export const PathParameterValue = z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/);

export const AccessRecordedData = z
  .object({
    /** Who: the token's subject (staff member or partner client), never a patient. */
    subject: z.string().min(1).max(256),
    /**
     * The staff role of the token; `partner` for partner clients, `operator` for the operator and
     * `integration` for a tenant's machine client, whose tokens carry no role.
     */
    role: z.string().min(1).max(64),
    practiceId: z.string().min(1).max(64).optional(),
    /** The referring organisation whose client made the request. */
    partnerId: z.string().min(1).max(64).optional(),
    /** What: the service and operation that answered, and its route template. */
    service: ServiceName,
    operationId: z.string().min(1).max(128),
    method: z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']),
    routeTemplate: z.string().startsWith('/v1/').max(256),
    /** The ids in the path, as validated by the route; bodies and query values are never recorded. */
    pathParameters: z.record(PathParameterName, PathParameterValue),
    /** The patient whose record was read or written, when the route or its handler knows it. */
    patientId: Ulid.optional(),
    /** The HTTP status the caller received. */
    status: z.int().min(100).max(599),
    /** When the request was answered. */
    at: IsoInstant,
  })
  .strict();

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
