import type { RouteContract } from '../route-contract';
import {
  createAgreementRoute,
  getAgreementRoute,
  listAgreementsRoute,
  updateAgreementRoute,
} from './directory/agreements';
import {
  createPartnerClientRoute,
  deletePartnerClientRoute,
  listPartnerClientsRoute,
} from './directory/partner-clients';
import {
  createPartnerRoute,
  getPartnerRoute,
  listPartnersRoute,
  updatePartnerRoute,
} from './directory/partners';
import {
  createPracticeRoute,
  getPracticeRoute,
  listPracticesRoute,
  updatePracticeRoute,
} from './directory/practices';
import {
  createStaffMemberRoute,
  disableStaffMemberRoute,
  getStaffMemberRoute,
  listStaffMembersRoute,
  updateStaffMemberRoute,
} from './directory/staff-members';
import { createTenantRoute, getTenantRoute, listTenantsRoute, updateTenantRoute } from './directory/tenants';

/**
 * The directory's admin API: tenants, practices, partners, agreements, partner clients and staff
 * members. Each area is its own module so that a function bundles only the schemas of its route.
 */
export * from './directory/agreements';
export * from './directory/partner-clients';
export * from './directory/partners';
export * from './directory/practices';
export * from './directory/staff-members';
export * from './directory/tenants';

export const directoryRoutes: readonly RouteContract[] = [
  createTenantRoute,
  getTenantRoute,
  listTenantsRoute,
  updateTenantRoute,
  createPracticeRoute,
  getPracticeRoute,
  listPracticesRoute,
  updatePracticeRoute,
  createPartnerRoute,
  getPartnerRoute,
  listPartnersRoute,
  updatePartnerRoute,
  createAgreementRoute,
  getAgreementRoute,
  listAgreementsRoute,
  updateAgreementRoute,
  createPartnerClientRoute,
  listPartnerClientsRoute,
  deletePartnerClientRoute,
  createStaffMemberRoute,
  getStaffMemberRoute,
  listStaffMembersRoute,
  updateStaffMemberRoute,
  disableStaffMemberRoute,
];
