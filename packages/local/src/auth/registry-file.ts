import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LocalSeedResult } from '@carelink/contracts';
import type { LocalClient } from './clients';
import type { LocalIssuer } from './issuer';
import type { LocalUserPool } from './user-pool';

/**
 * Keeps the issuer's registered clients in a file with the local data, as Cognito keeps app clients
 * across sessions: a partner client issued yesterday still gets tokens after a restart.
 */
export function fileRegistry(issuer: LocalIssuer, file: string): void {
  if (existsSync(file)) issuer.restore(JSON.parse(readFileSync(file, 'utf8')) as LocalClient[]);
  issuer.onRegistryChange(() => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(issuer.registered(), null, 2)}\n`, { mode: 0o600 });
  });
}

/** Keeps the local user pool's users with the local data, as Cognito keeps them across sessions. */
export function fileUserPool(pool: LocalUserPool, file: string): void {
  if (existsSync(file))
    pool.restore(JSON.parse(readFileSync(file, 'utf8')) as Parameters<LocalUserPool['restore']>[0]);
  pool.onChange(() => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(pool.snapshot(), null, 2)}\n`, { mode: 0o600 });
  });
}

/** What the seeds reported in earlier runs on the same data, merged with this run's. */
export function fileSeedResults(file: string | undefined) {
  const previous: LocalSeedResult =
    file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LocalSeedResult) : {};
  return {
    previous,
    save(current: LocalSeedResult): LocalSeedResult {
      const byKey = <T>(items: readonly T[], key: (item: T) => string) => [
        ...new Map(items.map((i) => [key(i), i])).values(),
      ];
      const merged: LocalSeedResult = {
        partners: byKey([...(previous.partners ?? []), ...(current.partners ?? [])], (p) => p.partnerId),
        staffUsers: byKey([...(previous.staffUsers ?? []), ...(current.staffUsers ?? [])], (u) => u.staffId),
      };
      if (file) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`, { mode: 0o600 });
      }
      return merged;
    },
  };
}
