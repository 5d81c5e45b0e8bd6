import { BatchWriteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ServiceRuntime, StateWrite } from '@carelink/lambda-kit';
import type { LedgerEntry, LedgerMonth } from '../domain/month-input';
import { emptyPatientFacts, type PatientFacts } from '../domain/patient-facts';
import { keys } from './keys';
import { createLedgerReader } from './ledger-reader';

/** Minute counters kept on every ledger month, by program family and performer. */
export const POOLS = ['ccmStaff', 'ccmPhysician', 'pcmStaff', 'pcmPhysician', 'other'] as const;
export type Pool = (typeof POOLS)[number];

/** The counter a time entry adds to (performer only; whose physician time counts is the rules' call). */
export const poolOf = (program: string, performer: string): Pool => {
  const staff = performer === 'clinical-staff';
  if (program === 'ccm') return staff ? 'ccmStaff' : 'ccmPhysician';
  if (program === 'pcm') return staff ? 'pcmStaff' : 'pcmPhysician';
  return 'other';
};

/** Where an entry currently lives in the ledger, so a correction or a void can undo it. */
export interface EntryPointer {
  practiceId: string;
  patientId: string;
  month: string;
  entry: LedgerEntry | null;
  voided: boolean;
  rev: number;
}

/** The ledger month as the API shows it. */
export interface LedgerView {
  patientId: string;
  practiceId: string;
  month: string;
  medicalDecisionMaking: 'low' | 'moderate' | 'high' | null;
  otherBilled: { code: string; practitionerId: string }[];
  minutes: Record<Pool, number>;
  entries: number;
}

type Item = Record<string, unknown>;

export const ledgerView = (item: Item): LedgerView => ({
  patientId: String(item.patientId),
  practiceId: String(item.practiceId),
  month: String(item.month),
  medicalDecisionMaking: (item.mdm as LedgerView['medicalDecisionMaking']) ?? null,
  otherBilled: (item.otherBilled as LedgerView['otherBilled']) ?? [],
  minutes: Object.fromEntries(POOLS.map((pool) => [pool, Number(item[pool] ?? 0)])) as Record<Pool, number>,
  entries: Number(item.entries ?? 0),
});

const chunk = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** DynamoDB access for the ledger (patient facts, ledger months, time entries): the reads and the writes. */
export function createLedgerStore(runtime: ServiceRuntime) {
  const { db, tableName: TableName } = runtime;

  const headInit = (tenantId: string, practiceId: string, month: string, patientId: string, now: string) => ({
    names: { '#month': 'month' },
    set: 'kind = :kind, patientId = :patientId, practiceId = :practiceId, #month = :month, updatedAt = :now, mdm = if_not_exists(mdm, :null), otherBilled = if_not_exists(otherBilled, :empty)',
    values: {
      ':kind': 'ledger',
      ':patientId': patientId,
      ':practiceId': practiceId,
      ':month': month,
      ':now': now,
      ':null': null,
      ':empty': [],
    },
    key: keys.ledgerHead(tenantId, practiceId, month, patientId),
  });

  return {
    ...createLedgerReader(runtime),

    async getFacts(
      tenantId: string,
      practiceId: string,
      patientId: string,
    ): Promise<{ facts: PatientFacts; version: number }> {
      const { Item } = await db.send(
        new GetCommand({
          TableName,
          Key: keys.patientFacts(tenantId, practiceId, patientId),
          ConsistentRead: true,
        }),
      );
      return Item
        ? { facts: Item.facts as PatientFacts, version: Number(Item.version) }
        : { facts: emptyPatientFacts(), version: 0 };
    },

    /** Replaces the facts if nobody changed them since `version` was read. */
    putFacts(
      tenantId: string,
      practiceId: string,
      patientId: string,
      facts: PatientFacts,
      version: number,
    ): StateWrite {
      return {
        Put: {
          TableName,
          Item: {
            ...keys.patientFacts(tenantId, practiceId, patientId),
            kind: 'patient-facts',
            patientId,
            practiceId,
            facts,
            version: version + 1,
            updatedAt: runtime.clock().toISOString(),
          },
          ConditionExpression: version === 0 ? 'attribute_not_exists(pk)' : 'version = :version',
          ...(version === 0 ? {} : { ExpressionAttributeValues: { ':version': version } }),
        },
      };
    },

    async getEntryPointer(tenantId: string, entryId: string): Promise<EntryPointer | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName, Key: keys.entryPointer(tenantId, entryId), ConsistentRead: true }),
      );
      return Item as EntryPointer | undefined;
    },

    putEntryPointer(
      tenantId: string,
      entryId: string,
      pointer: EntryPointer,
      previousRev: number,
    ): StateWrite {
      return {
        Put: {
          TableName,
          Item: { ...keys.entryPointer(tenantId, entryId), kind: 'entry-pointer', ...pointer },
          ConditionExpression: previousRev === 0 ? 'attribute_not_exists(pk)' : 'rev = :rev',
          ...(previousRev === 0 ? {} : { ExpressionAttributeValues: { ':rev': previousRev } }),
        },
      };
    },

    putEntry(
      tenantId: string,
      practiceId: string,
      month: string,
      patientId: string,
      entry: LedgerEntry,
    ): StateWrite {
      return {
        Put: {
          TableName,
          Item: {
            ...keys.ledgerEntry(tenantId, practiceId, month, patientId, entry.timeEntryId),
            kind: 'ledger-entry',
            patientId,
            ...entry,
          },
        },
      };
    },

    deleteEntry(
      tenantId: string,
      practiceId: string,
      month: string,
      patientId: string,
      entryId: string,
    ): StateWrite {
      return {
        Delete: { TableName, Key: keys.ledgerEntry(tenantId, practiceId, month, patientId, entryId) },
      };
    },

    /** Adds to the head's counters atomically (creating the head on first use). */
    addToHead(
      tenantId: string,
      practiceId: string,
      month: string,
      patientId: string,
      deltas: Partial<Record<Pool | 'entries', number>>,
    ): StateWrite {
      const init = headInit(tenantId, practiceId, month, patientId, runtime.clock().toISOString());
      const adds = Object.entries(deltas).filter(([, delta]) => delta !== 0);
      const values: Item = { ...init.values };
      const names: Record<string, string> = { ...init.names };
      const parts = adds.map(([name, delta], i) => {
        names[`#c${i}`] = name;
        values[`:d${i}`] = delta;
        return `#c${i} :d${i}`;
      });
      return {
        Update: {
          TableName,
          Key: init.key,
          UpdateExpression: `SET ${init.set}${parts.length ? ` ADD ${parts.join(', ')}` : ''}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      };
    },

    /** Sets one field of a ledger month (a PUT: the same request twice leaves the same state). */
    async setHeadField(
      tenantId: string,
      practiceId: string,
      month: string,
      patientId: string,
      field: 'mdm' | 'otherBilled',
      value: unknown,
    ): Promise<LedgerView> {
      const init = headInit(tenantId, practiceId, month, patientId, runtime.clock().toISOString());
      const set = init.set.replace(
        field === 'mdm'
          ? 'mdm = if_not_exists(mdm, :null)'
          : 'otherBilled = if_not_exists(otherBilled, :empty)',
        '#field = :value',
      );
      const { Attributes } = await db.send(
        new UpdateCommand({
          TableName,
          Key: init.key,
          UpdateExpression: `SET ${set}`,
          ExpressionAttributeNames: { ...init.names, '#field': field },
          ExpressionAttributeValues: Object.fromEntries(
            Object.entries({ ...init.values, ':value': value }).filter(([name]) => set.includes(name)),
          ),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return ledgerView(Attributes ?? {});
    },

    async getHead(
      tenantId: string,
      practiceId: string,
      month: string,
      patientId: string,
    ): Promise<LedgerView | undefined> {
      const { Item } = await db.send(
        new GetCommand({
          TableName,
          Key: keys.ledgerHead(tenantId, practiceId, month, patientId),
          ConsistentRead: true,
        }),
      );
      return Item ? ledgerView(Item) : undefined;
    },

    /** Writes complete patient-months directly (seeding benchmarks and tests), 25 items a call. */
    async seedMonths(
      tenantId: string,
      practiceId: string,
      month: string,
      seeds: readonly { patientId: string; facts: PatientFacts; ledger: LedgerMonth }[],
      options: { facts?: boolean } = {},
    ): Promise<void> {
      const now = runtime.clock().toISOString();
      const items: Item[] = [];
      for (const { patientId, facts, ledger } of seeds) {
        const counters: Record<string, number> = Object.fromEntries(POOLS.map((p) => [p, 0]));
        for (const entry of ledger.entries) {
          const pool = poolOf(entry.program, entry.performer);
          counters[pool] = (counters[pool] ?? 0) + entry.minutes;
          items.push({
            ...keys.ledgerEntry(tenantId, practiceId, month, patientId, entry.timeEntryId),
            kind: 'ledger-entry',
            patientId,
            ...entry,
          });
        }
        items.push({
          ...keys.ledgerHead(tenantId, practiceId, month, patientId),
          kind: 'ledger',
          patientId,
          practiceId,
          month,
          mdm: ledger.medicalDecisionMaking,
          otherBilled: ledger.otherBilled,
          entries: ledger.entries.length,
          updatedAt: now,
          ...counters,
        });
        if (options.facts === false) continue;
        items.push({
          ...keys.patientFacts(tenantId, practiceId, patientId),
          kind: 'patient-facts',
          patientId,
          practiceId,
          facts,
          version: 1,
          updatedAt: now,
        });
      }
      const batches = chunk(items, 25);
      const worker = async () => {
        for (let batch = batches.shift(); batch; batch = batches.shift()) {
          let request: Record<string, { PutRequest: { Item: Item } }[]> | undefined = {
            [TableName]: batch.map((Item) => ({ PutRequest: { Item } })),
          };
          for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
            if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
            const result = await db.send(new BatchWriteCommand({ RequestItems: request }));
            request = result.UnprocessedItems as typeof request;
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    },
  };
}

export type LedgerStore = ReturnType<typeof createLedgerStore>;
