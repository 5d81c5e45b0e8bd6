import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { IsoInstant, TimeProgram, Ulid } from '../primitives';
import { Performer } from './shared';

/** Ids, program, performer, minutes and the instant: never the note. */
export const TimeLoggedData = z.object({
  timeEntryId: Ulid,
  patientId: Ulid,
  practiceId: z.string(),
  program: TimeProgram,
  performer: Performer,
  practitionerId: z.string(),
  startedAt: IsoInstant,
  minutes: z.int().check(z.gte(1), z.lte(240)),
  voided: z.boolean(),
});

export const TimeLoggedV1 = defineEvent({
  source: 'carelink.outreach',
  detailType: 'TimeLogged',
  version: 1,
  description: 'Staff time was logged (or voided, with voided=true) against a patient and program.',
  data: TimeLoggedData,
  example: {
    timeEntryId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8J',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    practiceId: 'practice-boston',
    program: 'ccm',
    performer: 'clinical-staff',
    practitionerId: 'staff-cm-1',
    startedAt: '2026-10-10T15:00:00Z',
    minutes: 25,
    voided: false,
  },
});
