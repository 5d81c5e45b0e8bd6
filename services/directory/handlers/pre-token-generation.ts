import { withLogScope } from '@carelink/lambda-kit';
import { directory } from '../runtime';

/**
 * The Cognito pre-token-generation trigger (event version 3), as far as Carelink reads and writes it:
 * the client asking for a token, and the claims to add to its access token.
 */
export interface PreTokenGenerationEvent {
  version: string;
  triggerSource: string;
  /** The user signing in (absent for client credentials). */
  userName?: string;
  callerContext: { clientId: string };
  response: {
    claimsAndScopeOverrideDetails?: {
      accessTokenGeneration?: { claimsToAddOrOverride?: Record<string, string>; scopesToAdd?: string[] };
    } | null;
  };
}

/** Token scopes name the resource server, as Cognito's client-credentials scopes do. */
const resourceServer = process.env.RESOURCE_SERVER_ID ?? 'carelink';

/**
 * Adds `partner_id` to a partner client's tokens and a person's tenant, practices, staff id, roles
 * and scopes to theirs; refuses revoked clients and unknown or disabled people (Cognito then issues
 * no token). Runs for every token the user pool issues; a client the directory does not know passes
 * through unchanged.
 */
export const handler = (event: PreTokenGenerationEvent): Promise<PreTokenGenerationEvent> =>
  withLogScope({ operation: 'preTokenGeneration' }, async () => {
    if (event.triggerSource !== 'TokenGeneration_ClientCredentials') {
      const person = await directory.tokenClaims.forUser(event.userName ?? '');
      return {
        ...event,
        response: {
          claimsAndScopeOverrideDetails: {
            accessTokenGeneration: {
              claimsToAddOrOverride: person.claims,
              scopesToAdd: person.scopes.map((scope) => `${resourceServer}/${scope}`),
            },
          },
        },
      };
    }
    const claims = await directory.tokenClaims.forClient(event.callerContext.clientId);
    if (Object.keys(claims).length === 0) return event;
    return {
      ...event,
      response: {
        claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: claims } },
      },
    };
  });
