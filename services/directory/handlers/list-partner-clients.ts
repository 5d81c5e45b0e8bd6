import { listPartnerClientsRoute } from '@carelink/contracts/api/directory/partner-clients';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { clientResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(directory.runtime, listPartnerClientsRoute, async ({ params }) =>
  ok({ items: (await directory.partnerClients.list(params.partnerId)).map(clientResource) }),
);
