import { type Instant, instantFromEpochMs } from '@carelink/calendar';
import { createPracticeDirectory, type ServiceRuntime } from '@carelink/lambda-kit';
import { LocalOutboxMessageSender } from './adapters/message-sender';
import { snsOnCallPager } from './adapters/on-call-pager';
import { createCaseTaskStore } from './store/case-tasks';
import { createCaseStore } from './store/cases';
import { createClinicalStore } from './store/clinical';
import { createCommunityStore } from './store/community';
import { createContactStore } from './store/contacts';
import { createMessageStore } from './store/messages';
import { createRiskFlagStore } from './store/risk-flags';
import { createTable } from './store/table';
import { createTimeEntryStore } from './store/time-entries';
import { createWorklistStore } from './store/worklist';

/** Outreach's stores, one per aggregate, over the service's single table. */
export function createStores(runtime: ServiceRuntime) {
  const table = createTable(runtime);
  return {
    practices: createPracticeDirectory(runtime),
    cases: createCaseStore(table),
    caseTasks: createCaseTaskStore(table),
    contacts: createContactStore(table),
    timeEntries: createTimeEntryStore(table),
    clinical: createClinicalStore(table),
    riskFlags: createRiskFlagStore(table),
    messages: createMessageStore(table),
    community: createCommunityStore(table),
    worklist: createWorklistStore(table),
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
    practices: stores.practices,
    /** SMS and email leave through this port; locally they land in the inspectable message outbox. */
    messageSender: new LocalOutboxMessageSender(stores.messages),
    /** Urgent risk flags page the practice's on-call people through SNS. */
    pager: snsOnCallPager(process.env.ON_CALL_TOPIC_ARN),
    /** The runtime clock as an instant. */
    now: (): Instant => instantFromEpochMs(runtime.clock().getTime()),
  };
}

export type Outreach = ReturnType<typeof composeOutreach>;
