import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LocalClient } from './clients';
import type { LocalIssuer } from './issuer';

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
