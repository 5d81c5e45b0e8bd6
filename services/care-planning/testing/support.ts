import { buildEvent, type EligibilityDeterminedV1, type EventContract } from '@carelink/contracts';
import type { LocalCloud } from '@carelink/local/cloud';
import { monotonicFactory } from 'ulid';
import type * as z from 'zod';

/** Test support for the care-planning integration tests. */
export const ulid = monotonicFactory();

/** Publishes another service's event on the local bus and waits until it is consumed. */
export async function publish<C extends EventContract>(
  cloud: LocalCloud,
  contract: C,
  data: z.input<C['data']>,
  options: { tenantId?: string; eventId?: string; occurredAt?: string } = {},
): Promise<string> {
  const eventId = options.eventId ?? ulid();
  const event = buildEvent(
    contract,
    { tenantId: options.tenantId ?? 'acme-health', correlationId: ulid(), data },
    { eventId, occurredAt: options.occurredAt ?? new Date().toISOString() },
  );
  await cloud.bus.putEvents([
    { Source: contract.source, DetailType: contract.detailType, Detail: JSON.stringify(event.detail) },
  ]);
  await cloud.settle();
  return eventId;
}

type Determination = z.input<typeof EligibilityDeterminedV1.data>;

/** An eligible CCM determination for a new Boston patient, with overrides. */
export const determination = (overrides: Partial<Determination> = {}): Determination => ({
  referralId: ulid(),
  patientId: ulid(),
  practiceId: 'practice-boston',
  determinationVersion: 1,
  planType: 'medicare-advantage',
  programs: [{ program: 'ccm', status: 'eligible', reasons: ['CHRONIC_CONDITIONS_MET'] }],
  conditionCategories: ['diabetes', 'heart-failure'],
  complexConditionForPcm: true,
  preferredLanguage: 'en',
  timeZone: 'America/New_York',
  ...overrides,
});

interface PublishedEvent {
  detailType: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** Events this service published, of one type, optionally filtered by a data field. */
export function published(
  cloud: LocalCloud,
  detailType: string,
  match: Record<string, unknown> = {},
): PublishedEvent[] {
  return cloud.bus
    .events()
    .filter((e) => e.source === 'carelink.care-planning' && e['detail-type'] === detailType)
    .map((e) => {
      const detail = e.detail as { data: Record<string, unknown>; metadata: Record<string, unknown> };
      return { detailType, data: detail.data, metadata: detail.metadata };
    })
    .filter((e) => Object.entries(match).every(([k, v]) => e.data[k] === v));
}

/** The case opened for a referral, by its CaseOpened event. */
export function caseIdFor(cloud: LocalCloud, referralId: string): string {
  const [opened] = published(cloud, 'CaseOpened', { referralId });
  if (!opened) throw new Error('no CaseOpened for the referral');
  return opened.data.caseId as string;
}
