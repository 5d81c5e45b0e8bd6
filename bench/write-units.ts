import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

/**
 * DynamoDB's billed size of a value as the document client sends it: UTF-8 bytes of strings and
 * attribute names, about one byte per two significant digits of a number plus one, 3 bytes per map or
 * list plus 1 per element, 1 for a boolean or null. DynamoDB Local reports capacity but does not
 * bill a transaction per item the way DynamoDB does, so the bench counts units from sizes.
 */
export function valueSize(value: unknown): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') {
    const digits = String(Math.abs(value))
      .replace(/e.*$/, '')
      .replace('.', '')
      .replace(/^0+/, '')
      .replace(/0+$/, '');
    return Math.ceil(Math.max(1, digits.length) / 2) + 1;
  }
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + valueSize(v), 0);
  if (typeof value === 'object') return 3 + attributesSize(value as Record<string, unknown>, 1);
  return 0;
}

function attributesSize(item: Record<string, unknown>, perEntry: number): number {
  let size = 0;
  for (const [name, v] of Object.entries(item)) {
    if (v === undefined) continue;
    size += Buffer.byteLength(name) + perEntry + valueSize(v);
  }
  return size;
}

/** An item's billed size: its attributes' names and values. */
export const itemSize = (item: Record<string, unknown>): number => attributesSize(item, 0);

const kb = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

/** Each item of a transaction: two write units per started KB (prepare and commit). */
export function transactionWriteUnits(input: TransactWriteCommandInput): number {
  let units = 0;
  for (const entry of input.TransactItems ?? []) {
    // A condition check, update or delete bills the stored item's size, which the request does not
    // show; intake's are small (member links), so one KB.
    units += 2 * (entry.Put?.Item ? kb(itemSize(entry.Put.Item)) : 1);
  }
  return units;
}

/** A single `PutItem`: one write unit per started KB. */
export const putWriteUnits = (item: Record<string, unknown>): number => kb(itemSize(item));
