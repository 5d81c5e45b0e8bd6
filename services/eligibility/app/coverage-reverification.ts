import { commitTransaction, type ServiceRuntime } from '@carelink/lambda-kit';
import type { ReferralStore } from '../store/referral-store';
import type { EligibilityService } from './eligibility-service';

/**
 * Re-verifies coverage of referrals the payer did not answer for. A referral that now has an answer
 * gets a new determination version; one still unanswered stays on the list. One referral failing
 * does not stop the others.
 */
export function createCoverageReverification(
  runtime: ServiceRuntime,
  referrals: ReferralStore,
  eligibility: EligibilityService,
) {
  return async (tenantIds: readonly string[]) => {
    const counts = { resolved: 0, stillPending: 0, failed: 0 };
    for (const tenantId of tenantIds) {
      for (const pending of await referrals.pending(tenantId)) {
        try {
          const result = await eligibility.reverify(tenantId, pending);
          if (result.outcome === 'skipped') continue;
          await commitTransaction(runtime, result.commit, { tenantId, correlationId: runtime.newId() });
          if (result.outcome === 'resolved') counts.resolved += 1;
          else counts.stillPending += 1;
        } catch (error) {
          counts.failed += 1;
          runtime.logger.warn('coverage re-verification failed', {
            tenantId,
            referralId: pending.referralId,
            errorName: (error as Error).name,
          });
        }
      }
    }
    return counts;
  };
}
