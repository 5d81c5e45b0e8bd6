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

/** The identity provider that issues partner credentials is not set up in this deployment. */
export class ClientRegistryNotConfiguredError extends DomainError {
  override readonly name = 'ClientRegistryNotConfiguredError';
  readonly code = 'not-configured';
  readonly problemType = 'unavailable';
  constructor() {
    super('Partner credentials cannot be issued: the identity provider is not configured');
  }
}
