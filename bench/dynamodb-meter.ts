import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** DynamoDB's wire format of one attribute value. */
type Wire = Record<string, unknown>;

/**
 * DynamoDB's billed size of an attribute value in wire format (the rules of `write-units.ts`):
 * UTF-8 bytes of strings, about one byte per two significant digits of a number plus one, 3 bytes
 * per map or list plus 1 per element, 1 for a boolean or null.
 */
export function wireValueSize(value: Wire): number {
  if ('S' in value) return Buffer.byteLength(String(value.S));
  if ('N' in value) return numberSize(String(value.N));
  if ('B' in value) return Buffer.from(String(value.B), 'base64').byteLength;
  if ('BOOL' in value || 'NULL' in value) return 1;
  if ('SS' in value) return (value.SS as string[]).reduce((sum, s) => sum + Buffer.byteLength(s), 0);
  if ('NS' in value) return (value.NS as string[]).reduce((sum, n) => sum + numberSize(n), 0);
  if ('BS' in value)
    return (value.BS as string[]).reduce((sum, b) => sum + Buffer.from(b, 'base64').byteLength, 0);
  if ('L' in value) return 3 + (value.L as Wire[]).reduce((sum, v) => sum + 1 + wireValueSize(v), 0);
  if ('M' in value) return 3 + wireItemSize(value.M as Record<string, Wire>, 1);
  return 0;
}

function numberSize(text: string): number {
  const digits = text
    .replace(/^-/, '')
    .replace(/e.*$/i, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}

/** An item's billed size in wire format: its attributes' names and values. */
export function wireItemSize(item: Record<string, Wire>, perEntry = 0): number {
  let size = 0;
  for (const [name, value] of Object.entries(item))
    size += Buffer.byteLength(name) + perEntry + wireValueSize(value);
  return size;
}

const kb = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

/** What the functions asked of DynamoDB, and the request units DynamoDB would bill for it. */
export interface DynamoDbMeterCounts {
  /** Requests by operation (`PutItem`, `TransactWriteItems`...). */
  requests: Record<string, number>;
  /**
   * Write request units by DynamoDB's billing rules: one per started KB of a put item, two in a
   * transaction. An update, delete or condition check bills the stored item, which the request does
   * not show: counted as one KB (the most common case; an update of a larger item bills more).
   */
  writeUnits: number;
  /** Write units of updates, deletes and condition checks, counted at one KB each (see above). */
  writeUnitsAssumedOneKb: number;
  /** Items put that carry the table's GSI key (`gsi1pk`): each also bills the index's write units. */
  indexWriteUnits: number;
  /** Read request units as DynamoDB Local reports them (ReturnConsumedCapacity, asked for by the meter). */
  readUnits: number;
}

export interface DynamoDbMeter {
  url: string;
  counts(): DynamoDbMeterCounts;
  reset(): void;
  stop(): Promise<void>;
}

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const INDEX_KEY = 'gsi1pk';

/**
 * An HTTP proxy in front of DynamoDB Local that counts every request and the request units DynamoDB
 * bills for it. Writes are counted from the items' sizes (DynamoDB Local does not bill transactions
 * per item as DynamoDB does); reads ask DynamoDB Local for its consumed capacity, which the proxy
 * removes from the answer again, so the caller sees what it asked for.
 */
export async function startDynamoDbMeter(target: string): Promise<DynamoDbMeter> {
  const upstreamUrl = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let counts = empty();

  const countWrite = (operation: string, input: Record<string, unknown>) => {
    const put = (item: Record<string, Wire> | undefined, factor: number) => {
      const units = factor * kb(wireItemSize(item ?? {}));
      counts.writeUnits += units;
      if (item?.[INDEX_KEY]) counts.indexWriteUnits += kb(wireItemSize(item));
    };
    const other = (factor: number) => {
      counts.writeUnits += factor;
      counts.writeUnitsAssumedOneKb += factor;
    };
    if (operation === 'PutItem') put(input.Item as Record<string, Wire>, 1);
    else if (operation === 'UpdateItem' || operation === 'DeleteItem') other(1);
    else if (operation === 'BatchWriteItem') {
      for (const requests of Object.values(input.RequestItems as Record<string, Wire[]>)) {
        for (const r of requests) {
          const putRequest = r.PutRequest as { Item: Record<string, Wire> } | undefined;
          if (putRequest) put(putRequest.Item, 1);
          else other(1);
        }
      }
    } else if (operation === 'TransactWriteItems') {
      for (const entry of input.TransactItems as Record<string, { Item?: Record<string, Wire> }>[]) {
        if (entry.Put) put(entry.Put.Item, 2);
        else other(2);
      }
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const amzTarget = String(req.headers['x-amz-target'] ?? '');
      const operation = amzTarget.slice(amzTarget.indexOf('.') + 1) || 'unknown';
      counts.requests[operation] = (counts.requests[operation] ?? 0) + 1;
      let body = Buffer.concat(chunks);
      let askedCapacity = false;
      try {
        const input = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
        countWrite(operation, input);
        if (READS.has(operation) && !input.ReturnConsumedCapacity) {
          input.ReturnConsumedCapacity = 'TOTAL';
          askedCapacity = true;
          body = Buffer.from(JSON.stringify(input));
        }
      } catch {
        // Not JSON: forwarded as it came.
      }
      const headers = { ...req.headers, 'content-length': String(body.byteLength) };
      const upstream = request(
        {
          protocol: upstreamUrl.protocol,
          hostname: upstreamUrl.hostname,
          port: upstreamUrl.port,
          method: req.method,
          path: req.url,
          headers,
          agent,
        },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () => {
            let out = Buffer.concat(parts);
            const answerHeaders = { ...answer.headers };
            if (READS.has(operation)) {
              try {
                const output = JSON.parse(out.toString('utf8')) as { ConsumedCapacity?: unknown };
                const consumed = output.ConsumedCapacity as
                  | { CapacityUnits?: number }
                  | { CapacityUnits?: number }[]
                  | undefined;
                for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : [])
                  counts.readUnits += c.CapacityUnits ?? 0;
                if (askedCapacity && consumed) {
                  delete output.ConsumedCapacity;
                  out = Buffer.from(JSON.stringify(output));
                  delete answerHeaders['x-amz-crc32'];
                }
              } catch {
                // An error answer or not JSON: nothing consumed to count.
              }
            }
            answerHeaders['content-length'] = String(out.byteLength);
            res.writeHead(answer.statusCode ?? 502, answerHeaders);
            res.end(out);
          });
        },
      );
      upstream.on('error', () => {
        if (res.headersSent) return res.destroy();
        res.writeHead(503, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify({ __type: 'ServiceUnavailable', message: 'upstream unavailable' }));
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts: () => structuredClone(counts),
    reset: () => {
      counts = empty();
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

function empty(): DynamoDbMeterCounts {
  return { requests: {}, writeUnits: 0, writeUnitsAssumedOneKb: 0, indexWriteUnits: 0, readUnits: 0 };
}
