import { createPartnerClientRoute } from '@carelink/contracts/api/directory/partner-clients';
import { httpHandler } from '@carelink/lambda-kit';
import { clientResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(directory.runtime, createPartnerClientRoute, async ({ params, body }) => {
  const { client, clientSecret, commit } = await directory.partnerClients.create(params.partnerId, body);
  return {
    status: 201,
    body: { ...clientResource(client), clientSecret },
    headers: { location: `/v1/directory/partners/${client.partnerId}/clients/${client.clientId}` },
    commit,
  };
});
