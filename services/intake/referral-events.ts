import { ReferralStatusChangedV1 } from '@carelink/contracts';
import { type EventDraft, emit } from '@carelink/lambda-kit';
import { taskStatusOf } from './domain/lifecycle';
import { type Referral, statusChanges } from './domain/referral';

/** One `ReferralStatusChanged` (ids and statuses only) per lifecycle step between two states. */
export function statusChangedEvents(before: Referral | undefined, after: Referral): EventDraft[] {
  return statusChanges(before, after).map((change) =>
    emit(
      ReferralStatusChangedV1,
      {
        referralId: after.id,
        externalReferralId: after.externalReferralId,
        status: change.status,
        previousStatus: change.previousStatus,
        taskStatus: taskStatusOf[change.status],
        businessStatus: change.businessStatus,
        version: change.version,
      },
      change.version,
    ),
  );
}
