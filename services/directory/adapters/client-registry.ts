import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  DeleteUserPoolClientCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { IdentityProviderNotConfiguredError } from '../domain/errors';

/** Where partner API clients are issued: an OAuth2 authorisation server's client registry. */
export interface ClientRegistry {
  /** A new confidential client-credentials client with these (bare) scopes; the secret is returned once. */
  create(request: {
    name: string;
    scopes: readonly string[];
  }): Promise<{ clientId: string; clientSecret: string }>;
  /** Removes a client; removing one that is already gone is not an error. */
  remove(clientId: string): Promise<void>;
}

export interface CognitoRegistryConfig {
  /** The user pool partner clients belong to (`USER_POOL_ID`). */
  userPoolId: string | undefined;
  /** The resource server whose scopes the clients hold, e.g. `carelink` (`carelink/referrals:read`). */
  resourceServer: string;
  /** Lifetime of the access tokens issued to the clients. */
  accessTokenMinutes: number;
}

/**
 * Partner clients as Cognito app clients: client credentials only, a generated secret, the partner's
 * scopes on the resource server. The same adapter runs locally, where the local cloud answers the
 * Cognito API for its own issuer.
 */
export function cognitoClientRegistry(
  config: CognitoRegistryConfig,
  client: CognitoIdentityProviderClient = new CognitoIdentityProviderClient({ maxAttempts: 3 }),
): ClientRegistry {
  const poolId = (): string => {
    if (!config.userPoolId) throw new IdentityProviderNotConfiguredError();
    return config.userPoolId;
  };
  return {
    async create({ name, scopes }) {
      const { UserPoolClient } = await client.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId(),
          ClientName: name,
          GenerateSecret: true,
          AllowedOAuthFlows: ['client_credentials'],
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthScopes: scopes.map((scope) => `${config.resourceServer}/${scope}`),
          AccessTokenValidity: config.accessTokenMinutes,
          TokenValidityUnits: { AccessToken: 'minutes' },
          EnableTokenRevocation: true,
          PreventUserExistenceErrors: 'ENABLED',
        }),
      );
      if (!UserPoolClient?.ClientId || !UserPoolClient.ClientSecret)
        throw new Error('the identity provider returned no client id or secret');
      return { clientId: UserPoolClient.ClientId, clientSecret: UserPoolClient.ClientSecret };
    },

    async remove(clientId) {
      try {
        await client.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId(), ClientId: clientId }));
      } catch (error) {
        if (!(error instanceof ResourceNotFoundException)) throw error;
      }
    },
  };
}
