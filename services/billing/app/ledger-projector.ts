import { monthOf } from '@carelink/calendar';
import type {
  CarePlanEstablishedV1,
  CarePlanRevisedV1,
  ClaimSubscriberChangedV1,
  ConsentRecordedV1,
  ConsentRevokedV1,
  ContactCompletedV1,
  EligibilityDeterminedV1,
  EventData,
  TimeLoggedV1,
} from '@carelink/contracts';
import type {
  Commit,
  ConsumedEvent,
  PracticeDirectory,
  ServiceRuntime,
  StateWrite,
} from '@carelink/lambda-kit';
import type { LedgerEntry } from '../domain/month-input';
import {
  applyCarePlanEstablished,
  applyCarePlanRevised,
  applyConsentRecorded,
  applyConsentRevoked,
  applyContactCompleted,
  applyEligibilityDetermined,
  type PatientFacts,
} from '../domain/patient-facts';
import type { EntryPointer, LedgerStore, Pool } from '../store/ledger-store';
import { poolOf } from '../store/ledger-store';
import type { SubscriberStore } from '../store/subscriber-store';
import { ledgerEvents } from './ledger-events';

export { ledgerEvents };
export type LedgerEvent = ConsumedEvent<typeof ledgerEvents>;

const sameEntry = (a: EntryPointer, b: Omit<EntryPointer, 'rev'>): boolean =>
  a.practiceId === b.practiceId &&
  a.patientId === b.patientId &&
  a.month === b.month &&
  a.voided === b.voided &&
  JSON.stringify(a.entry) === JSON.stringify(b.entry);

/**
 * Turns one event into the ledger change it causes. The event consumer commits it with the event's
 * inbox marker, so each event applies once; on top of that every change is computed against the
 * current state (entry pointer, facts version), so the same fact delivered under another event id
 * changes nothing either.
 */
export function createLedgerProjector(
  runtime: ServiceRuntime,
  ledger: LedgerStore,
  practices: PracticeDirectory,
  subscribers: SubscriberStore,
) {
  const { logger } = runtime;

  async function timeLogged(
    tenantId: string,
    data: EventData<typeof TimeLoggedV1>,
  ): Promise<Commit | undefined> {
    const practice = await practices.practiceOf(tenantId, data.practiceId);
    if (!practice) {
      logger.warn('time entry for an unknown practice ignored', { timeEntryId: data.timeEntryId });
      return undefined;
    }
    const pointer = await ledger.getEntryPointer(tenantId, data.timeEntryId);
    // A voided entry stays voided: a late copy of its original log must not bring it back.
    if (pointer?.voided) return undefined;
    const entry: LedgerEntry = {
      timeEntryId: data.timeEntryId,
      startedAt: data.startedAt,
      minutes: data.minutes,
      performer: data.performer,
      practitionerId: data.practitionerId,
      program: data.program,
    };
    const next: Omit<EntryPointer, 'rev'> = {
      practiceId: data.practiceId,
      patientId: data.patientId,
      month: monthOf(data.startedAt, practice.timeZone),
      entry: data.voided ? null : entry,
      voided: data.voided,
    };
    if (pointer && sameEntry(pointer, next)) return undefined;

    const previousRev = pointer?.rev ?? 0;
    const writes: StateWrite[] = [
      ledger.putEntryPointer(tenantId, data.timeEntryId, { ...next, rev: previousRev + 1 }, previousRev),
    ];
    // Counter deltas per ledger head, so one head is updated once per transaction.
    const heads = new Map<
      string,
      {
        practiceId: string;
        month: string;
        patientId: string;
        deltas: Partial<Record<Pool | 'entries', number>>;
      }
    >();
    const add = (
      at: { practiceId: string; month: string; patientId: string },
      pool: Pool,
      minutes: number,
      entries: number,
    ) => {
      const id = `${at.practiceId}|${at.month}|${at.patientId}`;
      const head = heads.get(id) ?? { ...at, deltas: {} };
      head.deltas[pool] = (head.deltas[pool] ?? 0) + minutes;
      head.deltas.entries = (head.deltas.entries ?? 0) + entries;
      heads.set(id, head);
    };
    const removed = pointer?.entry ? pointer : undefined;
    if (removed?.entry) {
      add(removed, poolOf(removed.entry.program, removed.entry.performer), -removed.entry.minutes, -1);
    }
    if (next.entry) add(next, poolOf(next.entry.program, next.entry.performer), next.entry.minutes, 1);
    const movedAway =
      removed &&
      (!next.entry ||
        removed.practiceId !== next.practiceId ||
        removed.month !== next.month ||
        removed.patientId !== next.patientId);
    if (removed && movedAway) {
      writes.push(
        ledger.deleteEntry(tenantId, removed.practiceId, removed.month, removed.patientId, data.timeEntryId),
      );
    }
    if (next.entry)
      writes.push(ledger.putEntry(tenantId, next.practiceId, next.month, next.patientId, next.entry));
    for (const head of heads.values()) {
      writes.push(ledger.addToHead(tenantId, head.practiceId, head.month, head.patientId, head.deltas));
    }
    return { writes, events: [] };
  }

  async function patientFact(
    tenantId: string,
    practiceId: string,
    patientId: string,
    reduce: (facts: PatientFacts) => PatientFacts,
  ): Promise<Commit | undefined> {
    if (!(await practices.practiceOf(tenantId, practiceId))) {
      logger.warn('patient fact for an unknown practice ignored', { patientId });
      return undefined;
    }
    const { facts, version } = await ledger.getFacts(tenantId, practiceId, patientId);
    const next = reduce(facts);
    if (JSON.stringify(next) === JSON.stringify(facts)) return undefined;
    return { writes: [ledger.putFacts(tenantId, practiceId, patientId, next, version)], events: [] };
  }

  async function claimSubscriber(
    tenantId: string,
    data: EventData<typeof ClaimSubscriberChangedV1>,
  ): Promise<Commit | undefined> {
    const current = await subscribers.get(tenantId, data.practiceId, data.patientId);
    if (current && current.version >= data.version) return undefined;
    const next = { version: data.version, subscriber: data.subscriber, coverage: data.coverage };
    return {
      writes: [subscribers.put(tenantId, data.practiceId, data.patientId, next, current)],
      events: [],
    };
  }

  return async function project(event: LedgerEvent): Promise<Commit | undefined> {
    const tenantId = event.detail.metadata.tenantId;
    switch (event.contract.detailType) {
      case 'TimeLogged': {
        return timeLogged(tenantId, event.detail.data as EventData<typeof TimeLoggedV1>);
      }
      case 'ConsentRecorded': {
        const data = event.detail.data as EventData<typeof ConsentRecordedV1>;
        return patientFact(tenantId, data.practiceId, data.patientId, (f) => applyConsentRecorded(f, data));
      }
      case 'ConsentRevoked': {
        const data = event.detail.data as EventData<typeof ConsentRevokedV1>;
        return patientFact(tenantId, data.practiceId, data.patientId, (f) => applyConsentRevoked(f, data));
      }
      case 'CarePlanEstablished': {
        const data = event.detail.data as EventData<typeof CarePlanEstablishedV1>;
        return patientFact(tenantId, data.practiceId, data.patientId, (f) =>
          applyCarePlanEstablished(f, data),
        );
      }
      case 'CarePlanRevised': {
        const data = event.detail.data as EventData<typeof CarePlanRevisedV1>;
        return patientFact(tenantId, data.practiceId, data.patientId, (f) => applyCarePlanRevised(f, data));
      }
      case 'EligibilityDetermined': {
        const data = event.detail.data as EventData<typeof EligibilityDeterminedV1>;
        return patientFact(tenantId, data.practiceId, data.patientId, (f) =>
          applyEligibilityDetermined(f, data),
        );
      }
      case 'ContactCompleted': {
        const data = event.detail.data as EventData<typeof ContactCompletedV1>;
        return patientFact(tenantId, data.practiceId, data.patientId, (f) => applyContactCompleted(f, data));
      }
      case 'ClaimSubscriberChanged': {
        const data = event.detail.data as EventData<typeof ClaimSubscriberChangedV1>;
        return claimSubscriber(tenantId, data);
      }
      default:
        return undefined;
    }
  };
}
