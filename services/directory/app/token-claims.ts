import { DomainError, scopesOfRoles } from '@carelink/contracts';
import type { Partner, PartnerClient, StaffMember } from '../domain/directory';
import type { DirectoryStore } from '../store/directory-store';

/** The client was revoked, acts for an inactive partner, or the person is unknown or disabled: no token. */
export class ClientNotActiveError extends DomainError {
  override readonly name = 'ClientNotActiveError';
  readonly code = 'client-not-active';
  readonly problemType = 'forbidden';
  constructor() {
    super('This client or person may not obtain tokens');
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

    /**
     * The claims and scopes of a person's token, from their directory record: tenant, practices, the
     * staff id their actions are recorded under, roles and the roles' scopes. A user without an
     * active record (unknown, or disabled) gets no token at all.
     */
    async forUser(staffId: string): Promise<{ claims: Record<string, string>; scopes: string[] }> {
      const person = await store.get<StaffMember>('staff', staffId);
      if (person?.status !== 'active') throw new ClientNotActiveError();
      return {
        claims: {
          tenant_id: person.tenantId,
          practice_id: person.practiceIds[0] as string,
          practice_ids: person.practiceIds.join(' '),
          staff_id: person.staffId,
          role: person.roles[0] as string,
          roles: person.roles.join(' '),
          credential: person.credential,
        },
        scopes: scopesOfRoles(person.roles),
      };
    },
  };
}

export type TokenClaims = ReturnType<typeof createTokenClaims>;
