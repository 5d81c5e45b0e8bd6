import { lookup } from 'node:dns/promises';
import { ipLiteralOf } from '../domain/webhook-target';

/** Every address a hostname resolves to (an IP literal resolves to itself). Throws when it does not resolve. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export const resolveHost: ResolveHost = async (hostname) => {
  const literal = ipLiteralOf(hostname);
  if (literal) return [literal];
  const records = await lookup(hostname, { all: true, verbatim: true });
  return records.map((record) => record.address);
};
