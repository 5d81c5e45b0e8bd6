import type { PreTokenGenerationV3TriggerEvent } from 'aws-lambda';

/** Environment variable holding the client → claims map (JSON), written at synth time. */
export const clientClaimsVariable = 'CLIENT_CLAIMS';

/** Claims one app client's access tokens carry; names as the handlers read them. */
export interface ClientClaims {
  readonly tenant_id: string;
  readonly practice_id?: string;
  readonly role?: string;
}

/** One entry of the map: an app client id and its claims. */
export interface ClientClaimsEntry {
  readonly clientId: string;
  readonly claims: ClientClaims;
}

const claimName = /^[a-z_]+$/;

function isClientClaimsEntry(value: unknown): value is ClientClaimsEntry {
  if (!value || typeof value !== 'object') return false;
  const { clientId, claims } = value as { clientId?: unknown; claims?: unknown };
  if (typeof clientId !== 'string' || clientId === '' || !claims || typeof claims !== 'object') return false;
  const entries = Object.entries(claims);
  return (
    typeof (claims as { tenant_id?: unknown }).tenant_id === 'string' &&
    entries.every(([name, claim]) => claimName.test(name) && typeof claim === 'string' && claim !== '')
  );
}

/** Parses the map; a malformed map is a deployment error and fails every token request loudly. */
export function parseClientClaims(json: string | undefined): ReadonlyMap<string, ClientClaims> {
  const parsed: unknown = JSON.parse(json ?? '[]');
  if (!Array.isArray(parsed) || !parsed.every(isClientClaimsEntry)) {
    throw new Error(`${clientClaimsVariable} is not a list of { clientId, claims: { tenant_id, ... } }`);
  }
  return new Map(parsed.map((entry) => [entry.clientId, entry.claims]));
}

/**
 * Adds the calling client's tenant (and, for staff clients, practice and role) to the access token.
 * An unknown client's token gets no tenant, and the API answers it 401.
 */
export function addClientClaims(
  event: PreTokenGenerationV3TriggerEvent,
  claimsByClient: ReadonlyMap<string, ClientClaims>,
): PreTokenGenerationV3TriggerEvent {
  const claims = claimsByClient.get(event.callerContext.clientId);
  if (!claims) return event;
  return {
    ...event,
    response: {
      claimsAndScopeOverrideDetails: {
        ...event.response.claimsAndScopeOverrideDetails,
        accessTokenGeneration: {
          ...event.response.claimsAndScopeOverrideDetails?.accessTokenGeneration,
          claimsToAddOrOverride: { ...claims },
        },
      },
    },
  };
}

let claimsByClient: ReadonlyMap<string, ClientClaims> | undefined;

/** Cognito pre token generation trigger (event version 3, which covers client credentials). */
export async function handler(
  event: PreTokenGenerationV3TriggerEvent,
): Promise<PreTokenGenerationV3TriggerEvent> {
  claimsByClient ??= parseClientClaims(process.env[clientClaimsVariable]);
  return addClientClaims(event, claimsByClient);
}
