import { deletePartnerClientRoute } from '@carelink/contracts/api/directory/partner-clients';
import { httpHandler } from '@carelink/lambda-kit';
import { directory } from '../runtime';

export const handler = httpHandler(directory.runtime, deletePartnerClientRoute, async ({ params }) => ({
  status: 204,
  commit: await directory.partnerClients.revoke(params.partnerId, params.clientId),
}));
