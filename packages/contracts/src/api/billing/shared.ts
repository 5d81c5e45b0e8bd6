import * as z from 'zod/mini';
import { withMeta } from '../../meta';
import { Ulid, YearMonth } from '../../primitives';

export const tag = 'billing';

export const RunId = withMeta(Ulid, { description: 'Billing run id', example: '01JD3Y7T5V0M3Q8W9X2Z4A6B8N' });
export const PatientId = withMeta(Ulid, { description: 'Patient id', example: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D' });
export const PracticeId = withMeta(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a practice id')), {
  example: 'practice-boston',
});

export const patientMonthParams = z.object({ patientId: PatientId, month: YearMonth });
export const runParams = z.object({ runId: RunId });
