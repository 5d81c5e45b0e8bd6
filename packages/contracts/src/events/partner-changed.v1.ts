import * as z from 'zod/mini';
import { OrganisationName, PartnerId } from '../directory/vocabulary';
import { defineEvent } from '../event-contract';

export const PartnerChangedData = z.strictObject({
  partnerId: PartnerId,
  name: OrganisationName,
  status: z.enum(['active', 'inactive']),
  version: z.int().check(z.gte(1)),
});
export type PartnerChangedData = z.output<typeof PartnerChangedData>;

export const PartnerChangedV1 = defineEvent({
  source: 'carelink.directory',
  detailType: 'PartnerChanged',
  version: 1,
  description:
    'A referring organisation was created or changed. Published under the platform tenant: a partner belongs to no care organisation.',
  data: PartnerChangedData,
  example: { partnerId: 'northwind-health', name: 'Northwind Health Plan', status: 'active', version: 1 },
});
