import { NotFoundError } from '@carelink/contracts';
import type {
  CreateStaffMemberBody,
  UpdateStaffMemberBody,
} from '@carelink/contracts/api/directory/staff-members';
import { type Commit, type IfMatch, requireIfMatch, type ServiceRuntime } from '@carelink/lambda-kit';
import type { Invitation, UserDirectory } from '../adapters/user-directory';
import { firstVersion, type Practice, revise, type StaffMember, type Tenant } from '../domain/directory';
import { PracticeOutsideTenantError } from '../domain/errors';
import type { DirectoryStore } from '../store/directory-store';
import { keys } from '../store/keys';
import type { PracticeAdmin } from './directory';
import { staffMemberChanged } from './events';

const listing = (person: Pick<StaffMember, 'tenantId' | 'staffId'>) => ({
  partition: keys.listing('staff'),
  sort: `${person.tenantId}#${person.staffId}`,
});

/**
 * The people of care organisations: a directory record each (practices, roles, credential) and a
 * user at the identity provider to sign in with. The operator manages anyone; a staff admin only
 * the people of its own tenant, and another tenant's person is not found.
 */
export function createStaff(runtime: ServiceRuntime, store: DirectoryStore, users: UserDirectory) {
  const now = () => runtime.clock().toISOString();

  async function person(admin: PracticeAdmin, staffId: string): Promise<StaffMember> {
    const found = await store.get<StaffMember>('staff', staffId);
    if (!found || (admin.kind === 'tenant' && found.tenantId !== admin.tenantId))
      throw new NotFoundError('Staff member');
    return found;
  }

  /** Every practice named is one of the tenant's. */
  async function requirePractices(tenantId: string, practiceIds: readonly string[]): Promise<void> {
    const practices = await Promise.all(practiceIds.map((id) => store.get<Practice>('practice', id)));
    if (practices.some((p) => p?.tenantId !== tenantId)) throw new PracticeOutsideTenantError();
  }

  const replaced = (before: StaffMember, after: StaffMember): Commit => ({
    tenantId: after.tenantId,
    writes: [store.replace('staff', after.staffId, listing(after), after, before.version)],
    events: [staffMemberChanged(after)],
  });

  return {
    person,

    /**
     * Creates the user at the identity provider, then records the person. If the record never
     * commits, the user exists without a person, and the token trigger refuses them.
     */
    async create(
      admin: PracticeAdmin,
      body: CreateStaffMemberBody,
    ): Promise<{ record: StaffMember; invitation: Invitation; commit: Commit }> {
      if (admin.kind === 'tenant' && body.tenantId !== admin.tenantId) throw new NotFoundError('Tenant');
      if (!(await store.get<Tenant>('tenant', body.tenantId))) throw new NotFoundError('Tenant');
      await requirePractices(body.tenantId, body.practiceIds);
      const staffId = body.staffId ?? `staff-${runtime.newId().toLowerCase()}`;
      const record: StaffMember = firstVersion({ ...body, staffId, status: 'active' as const }, now());
      const invitation = await users.create({ staffId, email: body.email });
      await users.setGroups(staffId, { add: body.roles, remove: [] });
      runtime.logger.info('staff member added', { staffId, tenantId: body.tenantId, roles: body.roles });
      return {
        record,
        invitation,
        commit: {
          tenantId: record.tenantId,
          writes: [store.create('staff', staffId, listing(record), record, `/v1/directory/staff/${staffId}`)],
          events: [staffMemberChanged(record)],
        },
      };
    },

    async update(
      admin: PracticeAdmin,
      staffId: string,
      body: UpdateStaffMemberBody,
      ifMatch: IfMatch | undefined,
    ): Promise<{ record: StaffMember; commit: Commit }> {
      const before = await person(admin, staffId);
      requireIfMatch(ifMatch, before.version);
      if (body.practiceIds) await requirePractices(before.tenantId, body.practiceIds);
      const record = revise(before, body, now());
      if (body.roles) {
        const roles = body.roles;
        await users.setGroups(staffId, {
          add: roles.filter((role) => !before.roles.includes(role)),
          remove: before.roles.filter((role) => !roles.includes(role)),
        });
      }
      runtime.logger.info('staff member changed', { staffId, fields: Object.keys(body) });
      return { record, commit: replaced(before, record) };
    },

    /** Disables the user at the identity provider first: sign-in stops even if the record write fails. */
    async disable(admin: PracticeAdmin, staffId: string): Promise<{ record: StaffMember; commit: Commit }> {
      const before = await person(admin, staffId);
      await users.disable(staffId);
      runtime.logger.info('staff member disabled', { staffId });
      if (before.status === 'disabled') return { record: before, commit: { writes: [], events: [] } };
      const record = revise(before, { status: 'disabled' as const }, now());
      return { record, commit: replaced(before, record) };
    },

    list: (admin: PracticeAdmin, startKey: Record<string, unknown> | undefined, limit: number) =>
      store.list<StaffMember>(keys.listing('staff'), {
        prefix: admin.kind === 'tenant' ? `${admin.tenantId}#` : undefined,
        startKey,
        limit,
      }),
  };
}

export type Staff = ReturnType<typeof createStaff>;
