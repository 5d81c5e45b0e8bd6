/**
 * The directory's keys. The directory is the platform's registry of organisations, so its records are
 * keyed by their own ids; a practice and an agreement also carry the tenant they belong to in their
 * list sort keys, so a staff admin's listing reads only its own tenant's range.
 */
export type RecordKind = 'tenant' | 'practice' | 'partner' | 'agreement' | 'client' | 'staff';

const collection: Record<RecordKind, string> = {
  tenant: 'TENANTS',
  practice: 'PRACTICES',
  partner: 'PARTNERS',
  agreement: 'AGREEMENTS',
  client: 'CLIENTS',
  staff: 'STAFF',
};

export const keys = {
  record: (kind: RecordKind, id: string) => ({ pk: `DIRECTORY#${kind.toUpperCase()}#${id}`, sk: 'RECORD' }),
  /** The GSI partition listing every record of a kind; clients are listed per partner. */
  listing: (kind: RecordKind, partnerId?: string) =>
    partnerId ? `DIRECTORY#PARTNER#${partnerId}#${collection[kind]}` : `DIRECTORY#${collection[kind]}`,
};
