import { NotFoundError } from '@carelink/contracts';
import {
  type CreatePartnerClientBody,
  PartnerScope,
} from '@carelink/contracts/api/directory/partner-clients';
import type { Commit, ServiceRuntime } from '@carelink/lambda-kit';
import type { ClientRegistry } from '../adapters/client-registry';
import type { Partner, PartnerClient } from '../domain/directory';
import type { DirectoryStore } from '../store/directory-store';
import { keys } from '../store/keys';

const listing = (client: Pick<PartnerClient, 'partnerId' | 'createdAt' | 'clientId'>) => ({
  partition: keys.listing('client', client.partnerId),
  sort: `${client.createdAt}#${client.clientId}`,
});

/**
 * Partners' API credentials. The registry (Cognito, or the local issuer) holds the secret; the
 * directory holds which partner a client acts for, which is what its tokens say.
 */
export function createPartnerClients(
  runtime: ServiceRuntime,
  store: DirectoryStore,
  registry: ClientRegistry,
) {
  async function activePartner(partnerId: string): Promise<Partner> {
    const partner = await store.get<Partner>('partner', partnerId);
    if (!partner) throw new NotFoundError('Partner');
    return partner;
  }

  return {
    /**
     * Issues a client at the registry, then records it. If the record is never committed, the client
     * exists at the registry without a directory record, and no token is ever issued to it.
     */
    async create(
      partnerId: string,
      body: CreatePartnerClientBody,
    ): Promise<{ client: PartnerClient; clientSecret: string; commit: Commit }> {
      await activePartner(partnerId);
      const scopes = body.scopes ?? PartnerScope.options;
      const { clientId, clientSecret } = await registry.create({ name: `partner.${partnerId}`, scopes });
      const client: PartnerClient = {
        clientId,
        partnerId,
        scopes: [...scopes],
        ...(body.description ? { description: body.description } : {}),
        createdAt: runtime.clock().toISOString(),
        status: 'active',
      };
      runtime.logger.info('partner client issued', { partnerId, clientId });
      const location = `/v1/directory/partners/${partnerId}/clients/${clientId}`;
      return {
        client,
        clientSecret,
        commit: { writes: [store.create('client', clientId, listing(client), client, location)], events: [] },
      };
    },

    async list(partnerId: string): Promise<PartnerClient[]> {
      await activePartner(partnerId);
      const clients: PartnerClient[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await store.list<PartnerClient>(keys.listing('client', partnerId), {
          startKey,
          limit: 100,
        });
        clients.push(...page.items);
        startKey = page.lastKey;
      } while (startKey);
      return clients.filter((client) => client.status === 'active');
    },

    /** Marks the client revoked (its tokens stop at the trigger at once) and deletes it at the registry. */
    async revoke(partnerId: string, clientId: string): Promise<Commit> {
      const client = await store.get<PartnerClient>('client', clientId);
      if (!client || client.partnerId !== partnerId || client.status !== 'active')
        throw new NotFoundError('Client');
      await registry.remove(clientId);
      runtime.logger.info('partner client revoked', { partnerId, clientId });
      const revoked: PartnerClient = { ...client, status: 'revoked' };
      return { writes: [store.upsert('client', clientId, listing(client), revoked)], events: [] };
    },
  };
}

export type PartnerClients = ReturnType<typeof createPartnerClients>;
