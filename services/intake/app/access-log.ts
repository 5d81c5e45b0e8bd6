import type { AccessRecordedV1, EventData, EventMetadata } from '@carelink/contracts';
import type { Commit } from '@carelink/lambda-kit';
import { accessLogEntryOf } from '../domain/access-log';
import type { AccessLogStore } from '../store/access-log-store';
import type { Referrals } from './referrals';

/**
 * The partner's view of who accessed its members' records: kept from `AccessRecorded` per patient,
 * read per referral from the day it was sent. Another partner's referral is a 404.
 */
export function createAccessLog(store: AccessLogStore, referrals: Referrals) {
  return {
    recorded(metadata: EventMetadata, data: EventData<typeof AccessRecordedV1>): Commit | undefined {
      if (!data.patientId) return undefined;
      const entry = accessLogEntryOf(metadata.tenantId, data);
      if (!entry) return undefined;
      return { writes: [store.put(metadata.tenantId, data.patientId, metadata.eventId, entry)], events: [] };
    },

    async of(
      partnerId: string,
      referralId: string,
      page: { limit: number; startKey?: Record<string, unknown> | undefined },
    ) {
      const referral = await referrals.get(partnerId, referralId);
      return {
        referral,
        ...(await store.page(referral.tenantId, referral.patientId, referral.createdAt, page)),
      };
    },
  };
}

export type AccessLog = ReturnType<typeof createAccessLog>;
