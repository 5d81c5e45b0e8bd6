import { withLogScope } from '@carelink/lambda-kit';
import { directory } from '../runtime';

/**
 * The Cognito pre-token-generation trigger (event version 3), as far as Carelink reads and writes it:
 * the client asking for a token, and the claims to add to its access token.
 */
export interface PreTokenGenerationEvent {
  version: string;
  triggerSource: string;
  callerContext: { clientId: string };
  response: {
    claimsAndScopeOverrideDetails?: {
      accessTokenGeneration?: { claimsToAddOrOverride?: Record<string, string> };
    } | null;
  };
}

/**
 * Adds `partner_id` to a partner client's tokens and refuses revoked clients (Cognito then issues no
 * token). Runs for every token the user pool issues; a client the directory does not know passes
 * through unchanged.
 */
export const handler = (event: PreTokenGenerationEvent): Promise<PreTokenGenerationEvent> =>
  withLogScope({ operation: 'preTokenGeneration' }, async () => {
    const claims = await directory.tokenClaims.forClient(event.callerContext.clientId);
    if (Object.keys(claims).length === 0) return event;
    return {
      ...event,
      response: {
        claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: claims } },
      },
    };
  });
