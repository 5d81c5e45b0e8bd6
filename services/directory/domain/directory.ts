import type { AgreementRouting, Program } from '@carelink/contracts';
import type { CreateAgreementBody } from '@carelink/contracts/api/directory/agreements';
import type { CreatePracticeBody } from '@carelink/contracts/api/directory/practices';
import type { CreateStaffMemberBody } from '@carelink/contracts/api/directory/staff-members';

/** What every directory record carries: an optimistic-concurrency version and its timestamps. */
export interface Versioned {
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type OrganisationStatus = 'active' | 'inactive';

/** A care organisation: the covered entity that delivers care; every clinical key starts with it. */
export interface Tenant extends Versioned {
  tenantId: string;
  name: string;
}

export interface Practice extends CreatePracticeBody, Versioned {
  status: OrganisationStatus;
}

/** A referring organisation, usually a health plan. It is not a tenant and owns no clinical record. */
export interface Partner extends Versioned {
  partnerId: string;
  name: string;
  status: OrganisationStatus;
}

/** A practice in a partner's network, for some programs, from a date, claiming referrals by a rule. */
export interface Agreement extends Omit<CreateAgreementBody, 'effectiveTo'>, Versioned {
  agreementId: string;
  tenantId: string;
  effectiveTo?: string;
}

/** A person who signs in: their practices, roles and credential; the identity provider holds the rest. */
export interface StaffMember extends Omit<CreateStaffMemberBody, 'staffId'>, Versioned {
  staffId: string;
  status: 'active' | 'disabled';
}

/** A partner's OAuth2 client; its secret is never stored here. */
export interface PartnerClient {
  clientId: string;
  partnerId: string;
  scopes: string[];
  description?: string;
  createdAt: string;
  status: 'active' | 'revoked';
}

/** The fields a change may name; one left undefined (absent from a PATCH) keeps its value. */
export type Changes<T> = { [K in keyof Omit<T, keyof Versioned>]?: T[K] | undefined };

/** The next version of a record with the given fields changed. */
export function revise<T extends Versioned>(record: T, changes: Changes<T>, at: string): T {
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  return { ...record, ...given, version: record.version + 1, updatedAt: at };
}

/** A first version of a record. */
export function firstVersion<T extends object>(fields: T, at: string): T & Versioned {
  return { ...fields, version: 1, createdAt: at, updatedAt: at };
}

/**
 * An agreement's changes applied: `effectiveTo: null` removes the end date (the agreement runs on).
 */
export function reviseAgreement(
  agreement: Agreement,
  patch: {
    programs?: Program[] | undefined;
    effectiveTo?: string | null | undefined;
    routing?: AgreementRouting | undefined;
  },
  at: string,
): Agreement {
  const { effectiveTo, ...rest } = patch;
  const next = revise(agreement, rest, at);
  if (effectiveTo === null) {
    const { effectiveTo: _ended, ...open } = next;
    return open;
  }
  return effectiveTo === undefined ? next : { ...next, effectiveTo };
}

/** Whether an agreement still routes referrals on `today` (a calendar date): not yet ended. */
export function agreementStatus(
  agreement: Pick<Agreement, 'effectiveTo'>,
  today: string,
): 'active' | 'ended' {
  return agreement.effectiveTo !== undefined && agreement.effectiveTo < today ? 'ended' : 'active';
}
