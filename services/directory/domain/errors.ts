import { DomainError } from '@carelink/contracts';

// The directory's expected failures. Messages name ids and fields, nothing else.

/** A record with this id exists already (ids of tenants, practices and partners are chosen by the caller). */
export class AlreadyExistsError extends DomainError {
  override readonly name = 'AlreadyExistsError';
  readonly code = 'already-exists';
  readonly problemType = 'conflict';
  constructor(what: string, location: string) {
    super(`${what} with this id exists`, { existing: location });
  }
}

/** The identity provider (partner credentials, people's sign-in) is not set up in this deployment. */
export class IdentityProviderNotConfiguredError extends DomainError {
  override readonly name = 'IdentityProviderNotConfiguredError';
  readonly code = 'not-configured';
  readonly problemType = 'unavailable';
  constructor() {
    super('The identity provider is not configured in this deployment');
  }
}

/** The practices named are not all practices of the person's tenant. */
export class PracticeOutsideTenantError extends DomainError {
  override readonly name = 'PracticeOutsideTenantError';
  readonly code = 'practice-outside-tenant';
  readonly problemType = 'validation-failed';
  constructor() {
    super("Every practice must be one of the tenant's", {
      fields: [{ path: 'practiceIds', code: 'unknown-practice' }],
    });
  }
}

/** The identity provider already has a user with this id or e-mail. */
export class UserExistsError extends DomainError {
  override readonly name = 'UserExistsError';
  readonly code = 'user-exists';
  readonly problemType = 'conflict';
  constructor() {
    super('A person with this id or e-mail already signs in here');
  }
}
