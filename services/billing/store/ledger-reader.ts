import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ServiceRuntime } from '@carelink/lambda-kit';
import type { LedgerEntry, LedgerMonth } from '../domain/month-input';
import type { PatientFacts } from '../domain/patient-facts';
import { batchGetAll } from './batch-get';
import { keys, patientOfLedgerKey } from './keys';

/** One page of a ledger month: complete patient-months and the key to continue from. */
export interface LedgerPage {
  months: LedgerMonth[];
  /** Patient whose items may continue on the next page (not included in `months`). */
  lastKey: Record<string, unknown> | undefined;
}

/**
 * What a billing run and the worklist read of the ledger: a month's patient-months page by page and
 * their patients' facts. Apart from the ledger's writes, which only the projector and the billing
 * lead's inputs need.
 */
export function createLedgerReader(runtime: ServiceRuntime) {
  const { db, tableName: TableName } = runtime;

  /**
   * Reads ledger months in patient order from `startAfter`. A patient whose items may continue on
   * the next page is held back and read again from the returned key.
   */
  async function readPage(
    tenantId: string,
    practiceId: string,
    month: string,
    startAfter: Record<string, unknown> | undefined,
    limit = 500,
  ): Promise<LedgerPage> {
    const result = await db.send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.ledgerPartition(tenantId, practiceId, month) },
        ConsistentRead: true,
        Limit: limit,
        ...(startAfter ? { ExclusiveStartKey: startAfter } : {}),
      }),
    );
    const months: LedgerMonth[] = [];
    let current: LedgerMonth | undefined;
    for (const item of result.Items ?? []) {
      const patientId = patientOfLedgerKey(String(item.sk));
      if (!current || current.patientId !== patientId) {
        current = { patientId, medicalDecisionMaking: null, otherBilled: [], entries: [] };
        months.push(current);
      }
      if (item.kind === 'ledger') {
        current.medicalDecisionMaking = (item.mdm as LedgerMonth['medicalDecisionMaking']) ?? null;
        current.otherBilled = (item.otherBilled as LedgerMonth['otherBilled']) ?? [];
      } else if (item.kind === 'ledger-entry') {
        current.entries.push({
          timeEntryId: String(item.timeEntryId),
          startedAt: String(item.startedAt),
          minutes: Number(item.minutes),
          performer: item.performer as LedgerEntry['performer'],
          practitionerId: String(item.practitionerId),
          program: String(item.program),
        });
      }
    }
    if (!result.LastEvaluatedKey) return { months, lastKey: undefined };
    // The last patient may continue on the next page: hold it back and resume before it.
    const held = months.pop();
    if (!held || months.length === 0) {
      // A single patient larger than a page: continue it from where the page stopped.
      return readPage(tenantId, practiceId, month, startAfter, limit * 2);
    }
    const last = months.at(-1) as LedgerMonth;
    return { months, lastKey: keys.afterPatient(tenantId, practiceId, month, last.patientId) };
  }

  async function batchGetFacts(
    tenantId: string,
    practiceId: string,
    patientIds: readonly string[],
  ): Promise<Map<string, PatientFacts>> {
    const found = new Map<string, PatientFacts>();
    const items = await batchGetAll(
      db,
      TableName,
      [...new Set(patientIds)].map((id) => keys.patientFacts(tenantId, practiceId, id)),
    );
    for (const item of items) found.set(String(item.patientId), item.facts as PatientFacts);
    return found;
  }

  return { readPage, batchGetFacts };
}

export type LedgerReader = ReturnType<typeof createLedgerReader>;
