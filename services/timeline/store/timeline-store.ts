import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Program } from '@carelink/contracts';
import type { ServiceRuntime, StateWrite } from '@carelink/lambda-kit';
import type { TimelineEntry } from '../domain/timeline-entry';
import { keys } from './keys';

/** Who the patient is, as the console shows them (PHI: read only for the patient's own practice). */
export interface PatientIdentity {
  practiceId: string;
  name: { given: string[]; family: string };
  birthDate: string;
  sex: string;
  version: number;
}

export interface StoredEntry extends TimelineEntry {
  practiceId?: string;
}

/** A case of the patient, so the console can open its care plan. */
export interface PatientCase {
  caseId: string;
  practiceId: string;
  program: Program;
  status: 'open' | 'closed';
  openedAt?: string;
}

/** The patient timelines: one partition per patient, entries sorted by time, and the identity. */
export function createTimelineStore(runtime: ServiceRuntime) {
  const { db, tableName: TableName } = runtime;
  return {
    /** Keeps one entry per event (its key is the event's time and id, so a replay rewrites the same item). */
    putEntry(tenantId: string, patientId: string, eventId: string, entry: StoredEntry): StateWrite {
      return {
        Put: {
          TableName,
          Item: { ...keys.entry(tenantId, patientId, entry.at, eventId), kind: 'timeline-entry', entry },
        },
      };
    },

    /**
     * Keeps a case from `CaseOpened` or `CaseClosed`, in either order: opening never reopens a closed
     * case, so a late or replayed `CaseOpened` cannot undo the close.
     */
    putCase(tenantId: string, patientId: string, kept: PatientCase): StateWrite {
      const opened = kept.status === 'open';
      // Every attribute goes through a name placeholder: several (status, kind) are reserved words.
      const set = (name: string) => `#${name} = :${name}`;
      const fields = ['kind', 'caseId', 'practiceId', 'program', ...(opened ? ['openedAt'] : [])];
      const status = opened ? '#status = if_not_exists(#status, :status)' : set('status');
      return {
        Update: {
          TableName,
          Key: keys.case(tenantId, patientId, kept.caseId),
          UpdateExpression: `SET ${[...fields.map(set), status].join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(
            [...fields, 'status'].map((name) => [`#${name}`, name]),
          ),
          ExpressionAttributeValues: {
            ':kind': 'patient-case',
            ':caseId': kept.caseId,
            ':practiceId': kept.practiceId,
            ':program': kept.program,
            ':status': kept.status,
            ...(opened ? { ':openedAt': kept.openedAt } : {}),
          },
        },
      };
    },

    /** The patient's cases, newest first (case ids are ULIDs, so they sort by time). */
    async cases(tenantId: string, patientId: string): Promise<PatientCase[]> {
      const { Items } = await db.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :case)',
          ExpressionAttributeValues: { ':pk': keys.patient(tenantId, patientId), ':case': 'CASE#' },
          ScanIndexForward: false,
        }),
      );
      return (Items ?? []).map(({ caseId, practiceId, program, status, openedAt }) => ({
        caseId,
        practiceId,
        program,
        status,
        ...(openedAt ? { openedAt } : {}),
      }));
    },

    async getIdentity(tenantId: string, patientId: string): Promise<PatientIdentity | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName, Key: keys.identity(tenantId, patientId), ConsistentRead: true }),
      );
      return Item ? (Item.identity as PatientIdentity) : undefined;
    },

    /** Keeps the identity unless an equal or newer version is kept. */
    putIdentity(
      tenantId: string,
      patientId: string,
      identity: PatientIdentity,
      seen: number | undefined,
    ): StateWrite {
      return {
        Put: {
          TableName,
          Item: {
            ...keys.identity(tenantId, patientId),
            kind: 'patient-identity',
            version: identity.version,
            identity,
          },
          ConditionExpression: seen === undefined ? 'attribute_not_exists(pk)' : 'version = :seen',
          ...(seen === undefined ? {} : { ExpressionAttributeValues: { ':seen': seen } }),
        },
      };
    },

    /** A page of the patient's entries in time order. */
    async page(
      tenantId: string,
      patientId: string,
      limit: number,
      startKey: Record<string, unknown> | undefined,
    ) {
      const { Items, LastEvaluatedKey } = await db.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :entry)',
          ExpressionAttributeValues: { ':pk': keys.patient(tenantId, patientId), ':entry': 'ENTRY#' },
          Limit: limit,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      return {
        entries: (Items ?? []).map((item) => item.entry as StoredEntry),
        lastKey: LastEvaluatedKey,
      };
    },
  };
}

export type TimelineStore = ReturnType<typeof createTimelineStore>;
