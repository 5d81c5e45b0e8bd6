import * as z from 'zod/mini';
import { MemberName } from '../demographics';
import { defineEvent } from '../event-contract';
import { IsoDate, Ulid } from '../primitives';

/**
 * Who a referred patient is, as the care team sees them: name, birth date and sex. Protected health
 * information that only the timeline (the console's patient page) needs, so only the timeline
 * subscribes; no contact details, identifiers or clinical facts.
 */
export const PatientIdentifiedData = z.object({
  referralId: Ulid,
  patientId: Ulid,
  practiceId: z.string(),
  /** The referral's version: a consumer keeps the newest and ignores older copies. */
  version: z.int().check(z.gte(1)),
  name: MemberName,
  birthDate: IsoDate,
  sex: z.enum(['female', 'male', 'other', 'unknown']),
});

export const PatientIdentifiedV1 = defineEvent({
  source: 'carelink.intake',
  detailType: 'PatientIdentified',
  version: 1,
  description: "Who a referred patient is (name, birth date, sex), for the care team's patient page only.",
  data: PatientIdentifiedData,
  example: {
    referralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    practiceId: 'practice-boston',
    version: 1,
    name: { given: ['Maria'], family: 'Lopez' },
    birthDate: '1951-04-12',
    sex: 'female',
  },
});
