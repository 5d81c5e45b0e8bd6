import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { Ulid } from '../primitives';
import { SecondaryService } from './shared';

export const CareTeamChangedData = z.object({
  caseId: Ulid,
  patientId: Ulid,
  practiceId: z.string(),
  change: z.enum(['primary-reassigned', 'secondary-added', 'secondary-removed']),
  staffId: z.string(),
  previousStaffId: z.optional(z.string()),
  service: z.optional(SecondaryService),
});

export const CareTeamChangedV1 = defineEvent({
  source: 'carelink.care-planning',
  detailType: 'CareTeamChanged',
  version: 1,
  description: 'The primary was reassigned or a secondary case manager added or removed.',
  data: CareTeamChangedData,
  example: {
    caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    practiceId: 'practice-boston',
    change: 'secondary-added',
    staffId: 'staff-bh-1',
    service: 'behavioral-health',
  },
});
