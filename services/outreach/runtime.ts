import { createServiceRuntime } from '@carelink/lambda-kit';
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

/** The composition root: one runtime and one set of stores per process, shared by every handler. */
export const runtime = createServiceRuntime('outreach');

const table = new Table(runtime);

export const stores = {
  cases: new CaseStore(table),
  contacts: new ContactStore(table),
  timeEntries: new TimeEntryStore(table),
  clinical: new ClinicalStore(table),
  riskFlags: new RiskFlagStore(table),
  messages: new MessageStore(table),
  community: new CommunityStore(table),
  worklist: new WorklistStore(table),
} as const;

export type Stores = typeof stores;

/** SMS and email leave through this port; locally they land in the inspectable message outbox. */
export const messageSender = new LocalOutboxMessageSender(stores.messages);

/** The runtime clock as an instant. */
export const now = (): Temporal.Instant => Temporal.Instant.fromEpochMilliseconds(runtime.clock().getTime());
