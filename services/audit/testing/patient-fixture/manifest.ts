import { defineManifest, defineRoute, standardTable, Ulid } from '@carelink/contracts';
import * as z from 'zod/mini';

/**
 * A minimal patient-record service for the audit trail's tests: one read and one write under
 * `{patientId}`. It borrows the intake name (and table) as the local cloud's fixture does.
 */
const patientParams = z.strictObject({ patientId: Ulid });

/** Staff and partners may read, so partner and staff reads can both be recorded. */
export const readNotesRoute = defineRoute({
  operationId: 'auditFixtureReadNotes',
  method: 'GET',
  path: '/v1/audit-fixture/patients/{patientId}/notes',
  summary: "Read a patient's notes",
  tag: 'audit-fixture',
  scopes: [],
  callers: ['tenant', 'partner'],
  params: patientParams,
  responses: {
    200: {
      description: 'the notes',
      schema: z.object({ patientId: Ulid, name: z.string(), notes: z.array(z.string()) }),
    },
  },
});

export const addNoteRoute = defineRoute({
  operationId: 'auditFixtureAddNote',
  method: 'POST',
  path: '/v1/audit-fixture/patients/{patientId}/notes',
  summary: 'Add a note to a patient',
  tag: 'audit-fixture',
  scopes: ['cases:write'],
  idempotent: true,
  params: patientParams,
  body: z.strictObject({ text: z.string().check(z.minLength(1), z.maxLength(500)) }),
  responses: { 201: { description: 'added', schema: z.object({ id: z.string() }) } },
});

export const patientFixtureManifest = defineManifest({
  name: 'intake',
  source: 'carelink.intake',
  dir: import.meta.dirname,
  table: standardTable,
  routes: [
    { contract: readNotesRoute, handler: 'handlers/read-notes.ts' },
    { contract: addNoteRoute, handler: 'handlers/add-note.ts' },
  ],
  subscriptions: [],
  schedules: [],
});
