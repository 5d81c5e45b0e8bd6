import { type ServiceRuntime, staffInvitationDeliveryVariable } from '@carelink/lambda-kit';
import { type ClientRegistry, cognitoClientRegistry } from './adapters/client-registry';
import { cognitoUserDirectory, type UserDirectory } from './adapters/user-directory';
import { createDirectory } from './app/directory';
import { createPartnerClients } from './app/partner-clients';
import { createStaff } from './app/staff';
import { createTokenClaims } from './app/token-claims';
import { createDirectoryStore } from './store/directory-store';

export interface DirectoryOverrides {
  registry?: ClientRegistry;
  users?: UserDirectory;
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
  const users =
    overrides.users ??
    cognitoUserDirectory({
      userPoolId: process.env.USER_POOL_ID,
      // Cognito e-mails the invitation; a local cloud has no mail and shows the password once.
      delivery: process.env[staffInvitationDeliveryVariable] === 'response' ? 'response' : 'email',
    });
  return {
    runtime,
    directory: createDirectory(runtime, store),
    staff: createStaff(runtime, store, users),
    partnerClients: createPartnerClients(runtime, store, registry),
    tokenClaims: createTokenClaims(store),
  };
}

export type DirectoryService = ReturnType<typeof composeDirectory>;
