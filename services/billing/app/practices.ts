import { NotFoundError } from '@carelink/contracts';
import { billingNpiOf, type PracticeDirectory, type PracticeFacts } from '@carelink/lambda-kit';

/** A practice as billing uses it: the directory's facts and the NPI its claims are billed under. */
export interface Practice extends PracticeFacts {
  billingPractitionerNpi: string;
}

/** The tenant's practice from billing's projection of the directory; 404 when there is none. */
export function practiceLookup(practices: PracticeDirectory) {
  return async (tenantId: string, practiceId: string): Promise<Practice> => {
    const practice = await practices.practiceOf(tenantId, practiceId);
    if (!practice) throw new NotFoundError('Practice');
    return { ...practice, billingPractitionerNpi: billingNpiOf(practice) };
  };
}
