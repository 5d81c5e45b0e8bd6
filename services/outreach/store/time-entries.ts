import { addMilliseconds, type Instant, MINUTE_MS, parseInstant } from '@carelink/calendar';
import type { StateWrite } from '@carelink/lambda-kit';
import type { TimeEntry } from '../domain';
import { keys, sk, sortableInstant } from './keys';
import type { Item, Table } from './table';

/** Longest entry: an entry starting this long before a new one may still overlap it. */
const MAX_ENTRY_MINUTES = 240;

/** A time entry with the patient it was logged against. */
export interface StoredTimeEntry extends TimeEntry {
  readonly patientId: string;
  readonly practiceId: string;
}

function toEntry(item: Item): StoredTimeEntry {
  const voided = item.voided as { reason: string; by: string; at: string } | undefined;
  return {
    id: item.timeEntryId as string,
    patientId: item.patientId as string,
    practiceId: item.practiceId as string,
    caseId: item.caseId as string,
    program: item.program as TimeEntry['program'],
    performer: item.performer as TimeEntry['performer'],
    practitionerId: item.practitionerId as string,
    startedAt: parseInstant(item.startedAt as string),
    minutes: item.minutes as number,
    activity: item.activity as TimeEntry['activity'],
    ...(typeof item.note === 'string' ? { note: item.note } : {}),
    recordedAt: parseInstant(item.recordedAt as string),
    recordedBy: item.recordedBy as string,
    ...(voided
      ? {
          voided: {
            reason: voided.reason as NonNullable<TimeEntry['voided']>['reason'],
            by: voided.by,
            at: parseInstant(voided.at),
          },
        }
      : {}),
  };
}

/** Time entries, kept twice: under the patient (listing, billing) and under the practitioner (overlaps). */
export function createTimeEntryStore(table: Table) {
  async function ofPatient(tenantId: string, patientId: string): Promise<StoredTimeEntry[]> {
    const items = await table.queryPrefix(keys.patient(tenantId, patientId), 'TIME#');
    return items.map(toEntry);
  }

  async function get(
    tenantId: string,
    patientId: string,
    entryId: string,
  ): Promise<StoredTimeEntry | undefined> {
    const item = await table.get(keys.patient(tenantId, patientId), sk.timeEntry(entryId));
    return item ? toEntry(item) : undefined;
  }

  /**
   * The practitioner's lock version and entries that could overlap `[start, end)`. Both reads are
   * strongly consistent and the write checks the version (non-voided entries only), so two concurrent entries of one
   * practitioner cannot both pass the overlap check.
   */
  async function practitionerWindow(
    tenantId: string,
    practitionerId: string,
    start: Instant,
    end: Instant,
  ): Promise<{ lockVersion: number; entries: (TimeEntry & { patientId: string })[] }> {
    const pk = keys.practitioner(tenantId, practitionerId);
    const lock = await table.get(pk, sk.practitionerLock);
    const from = sortableInstant(addMilliseconds(start, -MAX_ENTRY_MINUTES * MINUTE_MS));
    const items = await table.queryBetween(pk, `TIME#${from}`, `TIME#${sortableInstant(end)}~`);
    // Voided entries free their time, so only the others take part in the check.
    const entries = items
      .filter((item) => item.voided !== true)
      .map((item) => ({
        id: item.timeEntryId as string,
        patientId: item.patientId as string,
        caseId: item.caseId as string,
        program: item.program as TimeEntry['program'],
        performer: item.performer as TimeEntry['performer'],
        practitionerId,
        startedAt: parseInstant(item.startedAt as string),
        minutes: item.minutes as number,
        activity: 'other' as const,
        recordedAt: parseInstant(item.startedAt as string),
        recordedBy: practitionerId,
      }));
    return { lockVersion: (lock?.version as number | undefined) ?? 0, entries };
  }

  /** The entry, its practitioner index item and the lock bump, written together. */
  function create(
    tenantId: string,
    entry: StoredTimeEntry,
    lockVersion: number,
    onRace: () => Error,
  ): StateWrite[] {
    const practitionerPk = keys.practitioner(tenantId, entry.practitionerId);
    const startedAt = sortableInstant(entry.startedAt);
    const common = {
      timeEntryId: entry.id,
      patientId: entry.patientId,
      practiceId: entry.practiceId,
      caseId: entry.caseId,
      program: entry.program,
      performer: entry.performer,
      practitionerId: entry.practitionerId,
      startedAt,
      minutes: entry.minutes,
    };
    return [
      {
        Update: {
          TableName: table.name,
          Key: { pk: practitionerPk, sk: sk.practitionerLock },
          UpdateExpression: 'SET version = :next',
          ConditionExpression: 'attribute_not_exists(version) OR version = :current',
          ExpressionAttributeValues: { ':next': lockVersion + 1, ':current': lockVersion },
        },
        onConditionFailed: onRace,
      },
      {
        Put: {
          TableName: table.name,
          Item: {
            pk: practitionerPk,
            sk: sk.practitionerTime(startedAt, entry.id),
            kind: 'practitioner-time',
            ...common,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: table.name,
          Item: {
            pk: keys.patient(tenantId, entry.patientId),
            sk: sk.timeEntry(entry.id),
            kind: 'time-entry',
            ...common,
            activity: entry.activity,
            ...(entry.note ? { note: entry.note } : {}),
            recordedAt: entry.recordedAt.toString(),
            recordedBy: entry.recordedBy,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
  }

  /** Records the void on both copies; fails if the entry was voided meanwhile. */
  function voidEntry(tenantId: string, entry: StoredTimeEntry, onAlreadyVoided: () => Error): StateWrite[] {
    const voided = entry.voided;
    if (!voided) throw new Error('void() needs a voided entry');
    const record = { reason: voided.reason, by: voided.by, at: voided.at.toString() };
    return [
      {
        Update: {
          TableName: table.name,
          Key: { pk: keys.patient(tenantId, entry.patientId), sk: sk.timeEntry(entry.id) },
          UpdateExpression: 'SET voided = :voided',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(voided)',
          ExpressionAttributeValues: { ':voided': record },
        },
        onConditionFailed: onAlreadyVoided,
      },
      {
        Update: {
          TableName: table.name,
          Key: {
            pk: keys.practitioner(tenantId, entry.practitionerId),
            sk: sk.practitionerTime(sortableInstant(entry.startedAt), entry.id),
          },
          UpdateExpression: 'SET voided = :true',
          ExpressionAttributeValues: { ':true': true },
        },
      },
    ];
  }

  return { ofPatient, get, practitionerWindow, create, void: voidEntry };
}

export type TimeEntryStore = ReturnType<typeof createTimeEntryStore>;
