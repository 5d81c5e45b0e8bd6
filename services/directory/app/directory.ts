import { NotFoundError } from '@carelink/contracts';
import type { CreateAgreementBody, UpdateAgreementBody } from '@carelink/contracts/api/directory/agreements';
import type { CreatePartnerBody, UpdatePartnerBody } from '@carelink/contracts/api/directory/partners';
import type { CreatePracticeBody, UpdatePracticeBody } from '@carelink/contracts/api/directory/practices';
import type { CreateTenantBody, UpdateTenantBody } from '@carelink/contracts/api/directory/tenants';
import {
  type Commit,
  type EventDraft,
  type IfMatch,
  type OperatorPrincipal,
  platformTenantId,
  requireIfMatch,
  type ServiceRuntime,
  type StateWrite,
  type TenantPrincipal,
} from '@carelink/lambda-kit';
import {
  type Agreement,
  firstVersion,
  type Partner,
  type Practice,
  revise,
  reviseAgreement,
  type Tenant,
} from '../domain/directory';
import type { DirectoryStore, Listing } from '../store/directory-store';
import { keys, type RecordKind } from '../store/keys';
import { agreementChanged, partnerChanged, practiceChanged } from './events';

/** A change to one record: the record as it now is and what to commit. */
export interface Change<T> {
  record: T;
  commit: Commit;
}

/** Who administers practices: the operator anywhere, a staff admin in its own tenant only. */
export type PracticeAdmin = OperatorPrincipal | TenantPrincipal;

const listings = {
  tenant: (t: Pick<Tenant, 'tenantId'>) => ({ partition: keys.listing('tenant'), sort: t.tenantId }),
  practice: (p: Pick<Practice, 'tenantId' | 'practiceId'>) => ({
    partition: keys.listing('practice'),
    sort: `${p.tenantId}#${p.practiceId}`,
  }),
  partner: (p: Pick<Partner, 'partnerId'>) => ({ partition: keys.listing('partner'), sort: p.partnerId }),
  agreement: (a: Pick<Agreement, 'partnerId' | 'agreementId'>) => ({
    partition: keys.listing('agreement'),
    sort: `${a.partnerId}#${a.agreementId}`,
  }),
};

/** Care organisations, practices, partners and their network agreements. */
export function createDirectory(runtime: ServiceRuntime, store: DirectoryStore) {
  const now = () => runtime.clock().toISOString();
  const today = () => now().slice(0, 10);

  async function tenant(tenantId: string): Promise<Tenant> {
    const found = await store.get<Tenant>('tenant', tenantId);
    if (!found) throw new NotFoundError('Tenant');
    return found;
  }

  /** A practice the admin may see: another tenant's is not found, exactly like a missing one. */
  async function practice(admin: PracticeAdmin | 'platform', practiceId: string): Promise<Practice> {
    const found = await store.get<Practice>('practice', practiceId);
    if (!found || (admin !== 'platform' && admin.kind === 'tenant' && found.tenantId !== admin.tenantId))
      throw new NotFoundError('Practice');
    return found;
  }

  async function partner(partnerId: string): Promise<Partner> {
    const found = await store.get<Partner>('partner', partnerId);
    if (!found) throw new NotFoundError('Partner');
    return found;
  }

  async function agreement(agreementId: string): Promise<Agreement> {
    const found = await store.get<Agreement>('agreement', agreementId);
    if (!found) throw new NotFoundError('Agreement');
    return found;
  }

  type How<T> = { tenantId: string; listing: (record: T) => Listing; event?: (record: T) => EventDraft };

  const changeOf = <T extends object>(record: T, write: StateWrite, how: How<T>): Change<T> => ({
    record,
    commit: { tenantId: how.tenantId, writes: [write], events: how.event ? [how.event(record)] : [] },
  });

  /** A record's first version: created if the id is new (else 409 naming `location`), with its event. */
  const created = <T extends object>(
    kind: RecordKind,
    id: string,
    record: T,
    location: string,
    how: How<T>,
  ) => changeOf(record, store.create(kind, id, how.listing(record), record, location), how);

  /** A record's next version: replaced if still at the version read (else 412), with its event. */
  const replaced = <T extends object>(
    kind: RecordKind,
    id: string,
    record: T,
    expected: number,
    how: How<T>,
  ) => changeOf(record, store.replace(kind, id, how.listing(record), record, expected), how);

  return {
    tenant,
    practice,
    partner,
    agreement,

    createTenant(body: CreateTenantBody): Change<Tenant> {
      const record = firstVersion(body, now());
      return created('tenant', record.tenantId, record, `/v1/directory/tenants/${record.tenantId}`, {
        tenantId: record.tenantId,
        listing: listings.tenant,
      });
    },

    async updateTenant(
      tenantId: string,
      body: UpdateTenantBody,
      ifMatch: IfMatch | undefined,
    ): Promise<Change<Tenant>> {
      const before = await tenant(tenantId);
      requireIfMatch(ifMatch, before.version);
      const record = revise(before, body, now());
      return {
        record,
        commit: {
          tenantId,
          writes: [store.replace('tenant', tenantId, listings.tenant(record), record, before.version)],
          events: [],
        },
      };
    },

    async createPractice(admin: PracticeAdmin, body: CreatePracticeBody): Promise<Change<Practice>> {
      if (admin.kind === 'tenant' && body.tenantId !== admin.tenantId) throw new NotFoundError('Tenant');
      await tenant(body.tenantId);
      const record: Practice = firstVersion({ ...body, status: 'active' as const }, now());
      return created('practice', record.practiceId, record, `/v1/directory/practices/${record.practiceId}`, {
        tenantId: record.tenantId,
        listing: listings.practice,
        event: practiceChanged,
      });
    },

    async updatePractice(
      admin: PracticeAdmin,
      practiceId: string,
      body: UpdatePracticeBody,
      ifMatch: IfMatch | undefined,
    ): Promise<Change<Practice>> {
      const before = await practice(admin, practiceId);
      requireIfMatch(ifMatch, before.version);
      return replaced('practice', practiceId, revise(before, body, now()), before.version, {
        tenantId: before.tenantId,
        listing: listings.practice,
        event: practiceChanged,
      });
    },

    createPartner(body: CreatePartnerBody): Change<Partner> {
      const record: Partner = firstVersion({ ...body, status: 'active' as const }, now());
      return created('partner', record.partnerId, record, `/v1/directory/partners/${record.partnerId}`, {
        tenantId: platformTenantId,
        listing: listings.partner,
        event: partnerChanged,
      });
    },

    async updatePartner(
      partnerId: string,
      body: UpdatePartnerBody,
      ifMatch: IfMatch | undefined,
    ): Promise<Change<Partner>> {
      const before = await partner(partnerId);
      requireIfMatch(ifMatch, before.version);
      return replaced('partner', partnerId, revise(before, body, now()), before.version, {
        tenantId: platformTenantId,
        listing: listings.partner,
        event: partnerChanged,
      });
    },

    /** The partner and the practice must exist; the agreement belongs to the practice's tenant. */
    async createAgreement(body: CreateAgreementBody): Promise<Change<Agreement>> {
      await partner(body.partnerId);
      const { tenantId } = await practice('platform', body.practiceId);
      const record: Agreement = firstVersion({ ...body, agreementId: runtime.newId(), tenantId }, now());
      return created(
        'agreement',
        record.agreementId,
        record,
        `/v1/directory/agreements/${record.agreementId}`,
        {
          tenantId,
          listing: listings.agreement,
          event: (created) => agreementChanged(created, today()),
        },
      );
    },

    async updateAgreement(
      agreementId: string,
      body: UpdateAgreementBody,
      ifMatch: IfMatch | undefined,
    ): Promise<Change<Agreement>> {
      const before = await agreement(agreementId);
      requireIfMatch(ifMatch, before.version);
      const record = reviseAgreement(before, body, now());
      return {
        record,
        commit: {
          tenantId: record.tenantId,
          writes: [
            store.replace('agreement', agreementId, listings.agreement(record), record, before.version),
          ],
          events: [agreementChanged(record, today())],
        },
      };
    },

    listTenants: (startKey: Record<string, unknown> | undefined, limit: number) =>
      store.list<Tenant>(keys.listing('tenant'), { startKey, limit }),

    /** Every practice for the operator; a staff admin's own tenant's only. */
    listPractices: (admin: PracticeAdmin, startKey: Record<string, unknown> | undefined, limit: number) =>
      store.list<Practice>(keys.listing('practice'), {
        prefix: admin.kind === 'tenant' ? `${admin.tenantId}#` : undefined,
        startKey,
        limit,
      }),

    listPartners: (startKey: Record<string, unknown> | undefined, limit: number) =>
      store.list<Partner>(keys.listing('partner'), { startKey, limit }),

    listAgreements: (
      partnerId: string | undefined,
      startKey: Record<string, unknown> | undefined,
      limit: number,
    ) =>
      store.list<Agreement>(keys.listing('agreement'), {
        prefix: partnerId ? `${partnerId}#` : undefined,
        startKey,
        limit,
      }),
  };
}

export type Directory = ReturnType<typeof createDirectory>;
