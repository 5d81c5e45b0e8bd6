import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { HttpProblem, ValidationError } from '../errors';
import type { ServiceRuntime } from '../runtime';
import { type HttpResponse, isRawBody } from './response';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
const RECORD_TTL_SECONDS = 24 * 3600;
/**
 * Bodies longer than this are stored deflated: a create's record otherwise crosses 1 KB with the
 * resource it answered (a referral's is about 1.3 KB), and a transaction bills two write units per
 * started KB of each item.
 */
const DEFLATE_ABOVE_BYTES = 256;
/** A small window and memory level: bodies are a few KB, and the defaults allocate about 256 KB a call. */
const DEFLATE_OPTIONS = { windowBits: 10, memLevel: 4 } as const;

export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** A stored response as kept in the table: a long body deflated (raw DEFLATE of its UTF-8). */
export type KeptResponse =
  | StoredResponse
  | { statusCode: number; headers: Record<string, string>; deflatedBody: Uint8Array };

export interface IdempotencyRecord {
  pk: string;
  sk: 'IDEMPOTENCY';
  requestHash: string;
  response: KeptResponse;
  createdAt: string;
  expiresAt: number;
}

export function keptResponse(response: StoredResponse): KeptResponse {
  if (Buffer.byteLength(response.body) <= DEFLATE_ABOVE_BYTES) return response;
  return {
    statusCode: response.statusCode,
    headers: response.headers,
    deflatedBody: deflateRawSync(response.body, DEFLATE_OPTIONS),
  };
}

export function storedResponse(kept: KeptResponse): StoredResponse {
  if (!('deflatedBody' in kept)) return kept;
  return {
    statusCode: kept.statusCode,
    headers: kept.headers,
    body: inflateRawSync(kept.deflatedBody).toString('utf8'),
  };
}

/** JSON with object keys sorted, so the same request hashes the same however it was serialised. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Fingerprint of what the request asks for: operation, path parameters and parsed body. */
export function requestHash(operationId: string, params: unknown, body: unknown): string {
  return createHash('sha256').update(canonicalJson({ operationId, params, body })).digest('hex');
}

/** Validates the Idempotency-Key header of a create. */
export function idempotencyKeyFrom(headers: Record<string, string | undefined>): string {
  const key = headers['idempotency-key'];
  if (!key) {
    throw new ValidationError('This operation requires an Idempotency-Key header', [
      { path: 'headers.idempotency-key', code: 'required' },
    ]);
  }
  if (!KEY_PATTERN.test(key)) {
    throw new ValidationError('The Idempotency-Key header is not valid', [
      {
        path: 'headers.idempotency-key',
        code: 'invalid_format',
        message: '8-128 characters of A-Z a-z 0-9 . _ : -',
      },
    ]);
  }
  return key;
}

export function idempotencyRecordKey(ownerKey: string, operationId: string, key: string) {
  return { pk: [ownerKey, 'IDEMPOTENCY', operationId, key].join('#'), sk: 'IDEMPOTENCY' as const };
}

/**
 * The stored first response for this key, or undefined when the key is new. A key reused with a
 * different request is a 422, as the key names one intent.
 */
export async function findReplay(
  runtime: ServiceRuntime,
  recordKey: { pk: string; sk: string },
  hash: string,
): Promise<StoredResponse | undefined> {
  const { Item } = await runtime.db.send(
    new GetCommand({ TableName: runtime.tableName, Key: recordKey, ConsistentRead: true }),
  );
  if (!Item) return undefined;
  const record = Item as IdempotencyRecord;
  if (record.requestHash !== hash) {
    throw new HttpProblem(
      'idempotency-key-reused',
      'This Idempotency-Key was already used for a different request',
    );
  }
  return storedResponse(record.response);
}

export function idempotencyRecord(
  runtime: ServiceRuntime,
  recordKey: { pk: string; sk: 'IDEMPOTENCY' },
  hash: string,
  response: StoredResponse,
): IdempotencyRecord {
  const now = runtime.clock();
  return {
    ...recordKey,
    requestHash: hash,
    response: keptResponse(response),
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + RECORD_TTL_SECONDS,
  };
}

export function toStoredResponse(response: HttpResponse): StoredResponse {
  return {
    statusCode: response.status,
    headers: response.headers ?? {},
    body:
      response.body === undefined ? '' : isRawBody(response) ? response.body : JSON.stringify(response.body),
  };
}

/**
 * One request's Idempotency-Key, as a step of the HTTP handler. Optimistic: the record is written
 * with the state change, conditional on not existing, and the stored first answer is looked up only
 * when that write (or the handler) fails, so a first request pays no extra read.
 */
export function idempotencyGuard(
  runtime: ServiceRuntime,
  operationId: string,
  /** The caller's key prefix (its tenant's, partner's or the operator's): keys never collide across them. */
  ownerKey: string,
  key: string | undefined,
  parsed: { params: unknown; body: unknown },
) {
  if (key === undefined) return { active: false, record: () => undefined, replay: async () => undefined };
  const recordKey = idempotencyRecordKey(ownerKey, operationId, key);
  const hash = requestHash(operationId, parsed.params, parsed.body);
  return {
    active: true,
    /** The record that commits with the change. */
    record: (response: StoredResponse): IdempotencyRecord | undefined =>
      idempotencyRecord(runtime, recordKey, hash, response),
    /** The first answer to this key, if there was one (a different request under it is a 422). */
    replay: (): Promise<StoredResponse | undefined> => findReplay(runtime, recordKey, hash),
  };
}
