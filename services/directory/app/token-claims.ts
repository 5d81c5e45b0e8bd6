import { DomainError } from '@carelink/contracts';
import type { Partner, PartnerClient } from '../domain/directory';
import type { DirectoryStore } from '../store/directory-store';

/** The client was revoked, or acts for a partner that is no longer active: it gets no token. */
export class ClientNotActiveError extends DomainError {
  override readonly name = 'ClientNotActiveError';
  readonly code = 'client-not-active';
  readonly problemType = 'forbidden';
  constructor() {
    super('This client may not obtain tokens');
  }
}

/**
 * The claims the identity provider adds to a client-credentials token: a partner client's tokens
 * name its partner. A client the directory does not know (the operator's, a tenant's integration)
 * gets nothing added; without a partner, tenant or operator scope its token is refused by the API.
 */
export function createTokenClaims(store: DirectoryStore) {
  return {
    async forClient(clientId: string): Promise<Record<string, string>> {
      const client = await store.get<PartnerClient>('client', clientId);
      if (!client) return {};
      const partner = await store.get<Partner>('partner', client.partnerId);
      if (client.status !== 'active' || partner?.status !== 'active') throw new ClientNotActiveError();
      return { partner_id: client.partnerId };
    },
  };
}

export type TokenClaims = ReturnType<typeof createTokenClaims>;
