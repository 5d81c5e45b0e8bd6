import { type ClaimSettingsData, NotFoundError } from '@carelink/contracts';
import { billingNpiOf, type PracticeDirectory, type PracticeFacts } from '@carelink/lambda-kit';
import type * as z from 'zod/mini';
import { type FeeBasis, feeBasisOf } from '../domain/fee-schedule';
import type { StaffScope } from './staff-scope';

/** A practice as billing uses it: the directory's facts and the NPI its claims are billed under. */
export interface Practice extends PracticeFacts {
  billingPractitionerNpi: string;
  /** How its claims are filled, defaults applied (office, dated the last day of the month, no charge master). */
  claims: z.output<typeof ClaimSettingsData>;
  /** The GPCIs of its locality and the rate of its place of service: what its fees are priced with. */
  feeBasis: FeeBasis;
}

const DEFAULT_CLAIM_SETTINGS = {
  placeOfService: '11',
  monthlyDateOfService: 'end-of-month',
  charges: {},
} as const;

/** The tenant's practice from billing's projection of the directory; 404 when there is none. */
export function practiceLookup(practices: PracticeDirectory) {
  return async (tenantId: string, practiceId: string): Promise<Practice> => {
    const practice = await practices.practiceOf(tenantId, practiceId);
    if (!practice) throw new NotFoundError('Practice');
    const claims = practice.claimSettings ?? { ...DEFAULT_CLAIM_SETTINGS, charges: {} };
    return {
      ...practice,
      billingPractitionerNpi: billingNpiOf(practice),
      claims,
      feeBasis: feeBasisOf({ locality: practice.locality, placeOfService: claims.placeOfService }),
    };
  };
}

/** The caller's own practice (tenant and practice from the token); 404 when there is none. */
export function scopedPracticeLookup(practices: PracticeDirectory) {
  const lookup = practiceLookup(practices);
  return (scope: StaffScope): Promise<Practice> => lookup(scope.tenantId, scope.practiceId);
}
