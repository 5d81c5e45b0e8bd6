import type { ServiceRuntime } from '@carelink/lambda-kit';
import { type ClientRegistry, cognitoClientRegistry } from './adapters/client-registry';
import { createDirectory } from './app/directory';
import { createPartnerClients } from './app/partner-clients';
import { createTokenClaims } from './app/token-claims';
import { createDirectoryStore } from './store/directory-store';

export interface DirectoryOverrides {
  registry?: ClientRegistry;
}

/** Partner clients' access tokens live this long (minutes); revocation takes effect within it. */
export const partnerTokenMinutes = 60;

/** Builds the directory's store, its identity-provider adapter and its use cases on a runtime. */
export function composeDirectory(runtime: ServiceRuntime, overrides: DirectoryOverrides = {}) {
  const store = createDirectoryStore(runtime);
  const registry =
    overrides.registry ??
    cognitoClientRegistry({
      userPoolId: process.env.USER_POOL_ID,
      resourceServer: process.env.RESOURCE_SERVER_ID ?? 'carelink',
      accessTokenMinutes: partnerTokenMinutes,
    });
  return {
    runtime,
    directory: createDirectory(runtime, store),
    partnerClients: createPartnerClients(runtime, store, registry),
    tokenClaims: createTokenClaims(store),
  };
}

export type DirectoryService = ReturnType<typeof composeDirectory>;
