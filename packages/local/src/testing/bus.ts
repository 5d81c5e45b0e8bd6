import { buildEvent, type EventContract, type OutgoingEvent } from '@carelink/contracts';
import { monotonicFactory } from 'ulid';
import type * as z from 'zod';
import type { LocalCloud } from '../cloud';

const ulid = monotonicFactory();

export interface ContractEventOptions {
  tenantId?: string;
  eventId?: string;
  correlationId?: string;
  occurredAt?: string;
}

/** A contract event as its producer would build it, with test defaults for the metadata. */
export function contractEvent<C extends EventContract>(
  contract: C,
  data: z.input<C['data']>,
  options: ContractEventOptions = {},
): OutgoingEvent<C> {
  return buildEvent(
    contract,
    { tenantId: options.tenantId ?? 'acme-health', correlationId: options.correlationId ?? ulid(), data },
    { eventId: options.eventId ?? ulid(), occurredAt: options.occurredAt ?? new Date().toISOString() },
  );
}

/**
 * Puts events on the local bus the way another service's relay would (batches of ten) and waits until
 * every consumer has settled. Returns the event ids.
 */
export async function publishEvents(cloud: LocalCloud, events: readonly OutgoingEvent[]): Promise<string[]> {
  for (let i = 0; i < events.length; i += 10) {
    await cloud.bus.putEvents(
      events
        .slice(i, i + 10)
        .map((e) => ({ Source: e.source, DetailType: e.detailType, Detail: JSON.stringify(e.detail) })),
    );
  }
  await cloud.settle();
  return events.map((e) => e.detail.metadata.eventId);
}

/** Publishes one contract event on the local bus and waits until it is consumed; returns its id. */
export async function publishContractEvent<C extends EventContract>(
  cloud: LocalCloud,
  contract: C,
  data: z.input<C['data']>,
  options: ContractEventOptions = {},
): Promise<string> {
  const [eventId] = await publishEvents(cloud, [contractEvent(contract, data, options)]);
  return eventId!;
}

/** One event seen on the bus, with its data and metadata read loosely for assertions. */
export interface SeenEvent {
  source: string;
  detailType: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** Events on the local bus of one detail type (and source, when given) whose data matches every field. */
export function publishedEvents(
  cloud: LocalCloud,
  filter: { detailType: string; source?: string; match?: Record<string, unknown> },
): SeenEvent[] {
  return cloud.bus
    .events()
    .filter((e) => e['detail-type'] === filter.detailType && (!filter.source || e.source === filter.source))
    .map((e) => {
      const detail = e.detail as { data: Record<string, unknown>; metadata: Record<string, unknown> };
      return {
        source: e.source,
        detailType: filter.detailType,
        data: detail.data,
        metadata: detail.metadata,
      };
    })
    .filter((e) => Object.entries(filter.match ?? {}).every(([key, value]) => e.data[key] === value));
}

/** Waits until an event matching the filter is on the bus and returns the first one. */
export async function waitForPublished(
  cloud: LocalCloud,
  filter: { detailType: string; source?: string; match?: Record<string, unknown> },
  timeoutMs = 10_000,
): Promise<SeenEvent> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [found] = publishedEvents(cloud, filter);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${filter.detailType} event published in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
