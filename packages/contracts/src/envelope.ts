import * as z from 'zod/mini';
import type { EventContract, EventData } from './event-contract';
import { IsoInstant, TenantId, Ulid } from './primitives';

/** Metadata every event detail carries (design: detail = { metadata, data }). */
export const EventMetadata = z.strictObject({
  eventId: Ulid,
  eventVersion: z.int().check(z.gte(1)),
  tenantId: TenantId,
  correlationId: z.string().check(z.minLength(1), z.maxLength(128)),
  occurredAt: IsoInstant,
  /** Aggregate version, so consumers can ignore stale or reordered events. */
  aggregateVersion: z.optional(z.int().check(z.gte(0))),
});
export type EventMetadata = z.infer<typeof EventMetadata>;

/** The detail of an event of contract C. */
export interface EventDetail<C extends EventContract> {
  metadata: EventMetadata;
  data: EventData<C>;
}

/** An event ready for `PutEvents` (minus the bus name). */
export interface OutgoingEvent<C extends EventContract = EventContract> {
  source: C['source'];
  detailType: C['detailType'];
  detail: EventDetail<C>;
}

export interface BuildEventInput<C extends EventContract> {
  tenantId: string;
  correlationId: string;
  data: z.input<C['data']>;
  aggregateVersion?: number;
}

/**
 * Builds a validated event. The id and time are passed in so that callers control them (ULID factory,
 * injected clock) and tests are deterministic.
 */
export function buildEvent<C extends EventContract>(
  contract: C,
  input: BuildEventInput<C>,
  ids: { eventId: string; occurredAt: string },
): OutgoingEvent<C> {
  const metadata = EventMetadata.parse({
    eventId: ids.eventId,
    eventVersion: contract.version,
    tenantId: input.tenantId,
    correlationId: input.correlationId,
    occurredAt: ids.occurredAt,
    aggregateVersion: input.aggregateVersion,
  });
  const data = contract.data.parse(input.data) as EventData<C>;
  return { source: contract.source, detailType: contract.detailType, detail: { metadata, data } };
}

/** The EventBridge event shape consumers receive (the fields Carelink relies on). */
export const EventBridgeEvent = z.object({
  id: z.optional(z.string()),
  source: z.string(),
  'detail-type': z.string(),
  time: z.optional(z.string()),
  detail: z.unknown(),
});
export type EventBridgeEvent = z.infer<typeof EventBridgeEvent>;

/** Raised when an event does not match any contract or its schema; carries field paths, never values. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
  constructor(
    message: string,
    readonly issues: readonly string[] = [],
  ) {
    super(message);
  }
}

/** Lists failing field paths of a zod error without echoing the offending values. */
export function issuePaths(error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => `${safeIssuePath(issue.path) || '(root)'}: ${issue.code}`);
}

const NAMED_SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A failing field's path, safe to show: array indexes and schema field names stay, but a segment
 * the sender made up (a record key, an unknown field) is shown as `*`, since it could carry anything.
 */
export function safeIssuePath(path: readonly PropertyKey[]): string {
  return path
    .map((segment) =>
      typeof segment === 'number' || NAMED_SEGMENT.test(String(segment)) ? String(segment) : '*',
    )
    .join('.');
}

/**
 * Parses an incoming EventBridge event against the contracts a consumer accepts, matching on source,
 * detail-type and metadata.eventVersion.
 */
export function parseEvent<const Cs extends readonly EventContract[]>(
  contracts: Cs,
  raw: unknown,
): { [K in keyof Cs]: { contract: Cs[K]; detail: EventDetail<Cs[K]> } }[number] {
  const envelope = EventBridgeEvent.safeParse(raw);
  if (!envelope.success) throw new InvalidEventError('not an EventBridge event', issuePaths(envelope.error));
  const { source, 'detail-type': detailType, detail } = envelope.data;
  const metadata = EventMetadata.safeParse((detail as { metadata?: unknown } | null)?.metadata);
  if (!metadata.success) throw new InvalidEventError('invalid event metadata', issuePaths(metadata.error));
  const contract = contracts.find(
    (c) => c.source === source && c.detailType === detailType && c.version === metadata.data.eventVersion,
  );
  if (!contract) throw new InvalidEventError(`no contract for ${source}/${detailType}`);
  const data = contract.data.safeParse((detail as { data?: unknown }).data);
  if (!data.success) throw new InvalidEventError(`invalid ${detailType} data`, issuePaths(data.error));
  return { contract, detail: { metadata: metadata.data, data: data.data } } as never;
}
