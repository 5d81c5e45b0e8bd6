import type { ServiceRuntime } from '@carelink/lambda-kit';
import { Temporal } from 'temporal-polyfill';
import { LocalOutboxMessageSender } from './adapters/message-sender';
import { CaseStore } from './store/cases';
import { ClinicalStore } from './store/clinical';
import { CommunityStore } from './store/community';
import { ContactStore } from './store/contacts';
import { MessageStore } from './store/messages';
import { RiskFlagStore } from './store/risk-flags';
import { Table } from './store/table';
import { TimeEntryStore } from './store/time-entries';
import { WorklistStore } from './store/worklist';

/** Outreach's stores, one per aggregate, over the service's single table. */
export function createStores(runtime: ServiceRuntime) {
  const table = new Table(runtime);
  return {
    cases: new CaseStore(table),
    contacts: new ContactStore(table),
    timeEntries: new TimeEntryStore(table),
    clinical: new ClinicalStore(table),
    riskFlags: new RiskFlagStore(table),
    messages: new MessageStore(table),
    community: new CommunityStore(table),
    worklist: new WorklistStore(table),
  } as const;
}

export type Stores = ReturnType<typeof createStores>;

/**
 * Builds outreach's stores and adapters on a runtime (Lambda, tests). The use cases in `app/` are
 * functions of these, so a test can hand them its own.
 */
export function composeOutreach(runtime: ServiceRuntime) {
  const stores = createStores(runtime);
  return {
    runtime,
    stores,
    /** SMS and email leave through this port; locally they land in the inspectable message outbox. */
    messageSender: new LocalOutboxMessageSender(stores.messages),
    /** The runtime clock as an instant. */
    now: (): Temporal.Instant => Temporal.Instant.fromEpochMilliseconds(runtime.clock().getTime()),
  };
}

export type Outreach = ReturnType<typeof composeOutreach>;
