import type { LocalSeedResult } from '@carelink/contracts';
import { readJsonIfExists, writePrivateJson } from '../private-file';
import type { LocalClient } from './clients';
import type { LocalIssuer } from './issuer';
import type { LocalUserPool } from './user-pool';

/**
 * Keeps the issuer's registered clients in a file with the local data, as Cognito keeps app clients
 * across sessions: a partner client issued yesterday still gets tokens after a restart.
 */
export function fileRegistry(issuer: LocalIssuer, file: string): void {
  issuer.restore(readJsonIfExists<LocalClient[]>(file) ?? []);
  issuer.onRegistryChange(() => writePrivateJson(file, issuer.registered()));
}

/** Keeps the local user pool's users with the local data, as Cognito keeps them across sessions. */
export function fileUserPool(pool: LocalUserPool, file: string): void {
  pool.restore(readJsonIfExists<Parameters<LocalUserPool['restore']>[0]>(file) ?? []);
  pool.onChange(() => writePrivateJson(file, pool.snapshot()));
}

/** What the seeds reported in earlier runs on the same data, merged with this run's. */
export function fileSeedResults(file: string | undefined) {
  const previous: LocalSeedResult = (file && readJsonIfExists<LocalSeedResult>(file)) || {};
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
      if (file) writePrivateJson(file, merged);
      return merged;
    },
  };
}
