import type { LocalIssuer } from './issuer';

/** An error the AWS JSON protocol reports as `__type`, which the SDK turns into its exception class. */
export class AwsApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export type AwsOperation = (input: Record<string, unknown>) => unknown;

/** The `X-Amz-Target` of a Cognito user-pool operation. */
export const cognitoTarget = (operation: string) => `AWSCognitoIdentityProviderService.${operation}`;

/**
 * The Cognito user-pool client operations the directory uses, answered for the local issuer: the
 * real SDK client creates and deletes app clients exactly as it does in AWS. Scopes arrive with the
 * resource-server prefix (`carelink/referrals:read`); the issuer keeps the bare scope, as the API
 * reads it.
 */
export function cognitoOperations(issuer: LocalIssuer, userPoolId: string): Map<string, AwsOperation> {
  const requirePool = (input: Record<string, unknown>) => {
    if (input.UserPoolId !== userPoolId)
      throw new AwsApiError(
        'ResourceNotFoundException',
        `User pool ${String(input.UserPoolId)} does not exist.`,
      );
  };
  return new Map<string, AwsOperation>([
    [
      cognitoTarget('CreateUserPoolClient'),
      (input) => {
        requirePool(input);
        const scopes = ((input.AllowedOAuthScopes ?? []) as string[]).map((s) =>
          s.slice(s.lastIndexOf('/') + 1),
        );
        const client = issuer.register(String(input.ClientName ?? ''), scopes);
        return {
          UserPoolClient: {
            UserPoolId: userPoolId,
            ClientName: client.name,
            ClientId: client.clientId,
            ClientSecret: client.clientSecret,
            AllowedOAuthFlows: input.AllowedOAuthFlows,
            AllowedOAuthScopes: input.AllowedOAuthScopes,
          },
        };
      },
    ],
    [
      cognitoTarget('DeleteUserPoolClient'),
      (input) => {
        requirePool(input);
        if (!issuer.remove(String(input.ClientId)))
          throw new AwsApiError('ResourceNotFoundException', 'User pool client does not exist.');
        return {};
      },
    ],
  ]);
}
