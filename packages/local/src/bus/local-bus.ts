import { randomUUID } from 'node:crypto';
import { compilePattern } from '../eventbridge/pattern';
import type { LocalQueue } from '../sqs/local-queue';

/** A PutEvents request entry as the EventBridge API receives it. */
export interface PutEventsEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Time?: string | number;
  Resources?: string[];
}

export type PutEventsResultEntry = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

/** The event EventBridge delivers to targets. */
export interface BusEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
  'replay-name'?: string;
}

export interface LocalRule {
  name: string;
  pattern: object;
  target: LocalQueue;
}

/** PutEvents' limit on one entry (source, detail-type, detail and resources together). */
export const MAX_ENTRY_BYTES = 256 * 1024;
const MAX_ENTRIES = 10;

/** Thrown for a request PutEvents rejects as a whole. */
export class PutEventsRequestError extends Error {
  override name = 'ValidationException';
}

/**
 * A custom EventBridge bus: PutEvents validation and per-entry results, rules evaluated with full
 * pattern semantics, queue targets, an archive of every event with replay by time range, and
 * listeners for the local event stream.
 */
export class LocalBus {
  private readonly rules: { rule: LocalRule; matches: (event: object) => boolean }[] = [];
  private readonly archive: BusEvent[] = [];
  private readonly listeners = new Set<(event: BusEvent) => void>();
  /** Test hook: return an error code to fail an entry as EventBridge sometimes does. */
  failEntry: ((entry: PutEventsEntry) => string | undefined) | undefined;

  constructor(
    readonly name: string,
    private readonly region = 'us-east-1',
    private readonly account = '000000000000',
  ) {}

  get arn(): string {
    return `arn:aws:events:${this.region}:${this.account}:event-bus/${this.name}`;
  }

  addRule(rule: LocalRule): void {
    this.rules.push({ rule, matches: compilePattern(rule.pattern) });
  }

  listRules(): readonly LocalRule[] {
    return this.rules.map((r) => r.rule);
  }

  onEvent(listener: (event: BusEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  events(): readonly BusEvent[] {
    return this.archive;
  }

  putEvents(entries: readonly PutEventsEntry[]): {
    FailedEntryCount: number;
    Entries: PutEventsResultEntry[];
  } {
    if (!Array.isArray(entries) || entries.length === 0 || entries.length > MAX_ENTRIES) {
      throw new PutEventsRequestError(`Entries must hold 1 to ${MAX_ENTRIES} entries`);
    }
    const results = entries.map((entry) => this.putEntry(entry));
    return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results };
  }

  /** Re-sends archived events in [from, to) to the rules, marked with a replay name. */
  replay(from: Date, to: Date, replayName = `replay-${Date.now()}`): number {
    const selected = this.archive.filter((e) => {
      const time = Date.parse(e.time);
      return time >= from.getTime() && time < to.getTime() && !e['replay-name'];
    });
    for (const event of selected) this.route({ ...event, 'replay-name': replayName });
    return selected.length;
  }

  private putEntry(entry: PutEventsEntry): PutEventsResultEntry {
    if (entry.EventBusName && entry.EventBusName !== this.name && entry.EventBusName !== this.arn) {
      return {
        ErrorCode: 'ResourceNotFoundException',
        ErrorMessage: `Event bus ${entry.EventBusName} does not exist.`,
      };
    }
    if (!entry.Source || !entry.DetailType || entry.Detail === undefined) {
      return {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Parameters Source, DetailType and Detail are required.',
      };
    }
    let detail: unknown;
    try {
      detail = JSON.parse(entry.Detail);
    } catch {
      return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    }
    if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) {
      return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    }
    const size =
      Buffer.byteLength(entry.Source) +
      Buffer.byteLength(entry.DetailType) +
      Buffer.byteLength(entry.Detail) +
      (entry.Resources ?? []).reduce((sum, r) => sum + Buffer.byteLength(r), 0);
    if (size > MAX_ENTRY_BYTES) {
      return {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Total size of the entries in the request is over the limit.',
      };
    }
    const injected = this.failEntry?.(entry);
    if (injected) return { ErrorCode: injected, ErrorMessage: 'injected failure' };
    const time =
      entry.Time === undefined
        ? new Date()
        : new Date(typeof entry.Time === 'number' ? entry.Time * 1000 : entry.Time);
    const event: BusEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType,
      source: entry.Source,
      account: this.account,
      time: (Number.isNaN(time.getTime()) ? new Date() : time).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: this.region,
      resources: entry.Resources ?? [],
      detail,
    };
    this.archive.push(event);
    this.route(event);
    return { EventId: event.id };
  }

  private route(event: BusEvent): void {
    for (const listener of this.listeners) listener(event);
    const body = JSON.stringify(event);
    for (const { rule, matches } of this.rules) if (matches(event)) rule.target.send(body);
  }
}
