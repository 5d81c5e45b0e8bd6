import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { IanaTimeZone, IsoInstant, Program, Ulid } from '../primitives';

export const CaseOpenedData = z.object({
  caseId: Ulid,
  patientId: Ulid,
  referralId: Ulid,
  practiceId: z.string(),
  program: Program,
  primaryStaffId: z.string(),
  identifiedAt: IsoInstant,
  timeZone: IanaTimeZone,
  dischargeDate: z.optional(z.iso.date()),
});

export const CaseOpenedV1 = defineEvent({
  source: 'carelink.care-planning',
  detailType: 'CaseOpened',
  version: 1,
  description: 'A case was opened for an eligible program and a primary case manager assigned.',
  data: CaseOpenedData,
  example: {
    caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    referralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
    practiceId: 'practice-boston',
    program: 'ccm',
    primaryStaffId: 'staff-cm-1',
    identifiedAt: '2026-10-01T12:00:00Z',
    timeZone: 'America/New_York',
  },
});
