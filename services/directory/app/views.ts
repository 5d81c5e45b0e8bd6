import type { Agreement, Partner, PartnerClient, Practice, StaffMember, Tenant } from '../domain/directory';

// Directory records as the admin API shows them. Records hold nothing beyond their resource fields
// except a client's status, so views pick rather than rebuild.

export const tenantResource = (tenant: Tenant) => tenant;
/** Practices stored before on-call lists existed have none. */
export const practiceResource = (practice: Practice) => ({ ...practice, onCall: practice.onCall ?? [] });
export const partnerResource = (partner: Partner) => partner;
export const agreementResource = (agreement: Agreement) => agreement;

export function clientResource(client: PartnerClient) {
  const { status: _status, ...resource } = client;
  return resource;
}

export const staffMemberResource = (person: StaffMember) => person;
