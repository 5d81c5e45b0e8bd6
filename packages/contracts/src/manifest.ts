import type { EventContract, EventSource, ServiceName } from './event-contract';
import type { RouteContract } from './route-contract';

/** A handler module of the service, relative to the service folder; it exports `handler`. */
export type HandlerPath = `handlers/${string}.ts`;

export interface TableIndex {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export interface TableSpec {
  readonly partitionKey: 'pk';
  readonly sortKey: 'sk';
  readonly indexes: readonly TableIndex[];
  /** Attribute holding an epoch-seconds expiry (idempotency records, inbox markers, outbox items). */
  readonly ttlAttribute: 'expiresAt';
  /** New images feed the outbox relay. */
  readonly stream: true;
}

/**
 * What a handler reaches beyond its own table and the bus; infra grants exactly these and passes
 * their configuration, the local cloud serves them:
 * - `user-pool-clients`: create and delete app clients of the user pool (partner credentials);
 * - `user-pool-users`: create, disable and sign out users of the user pool (people);
 * - `patient-key-secret`: read the pepper that patient keys are computed under;
 * - `on-call-topic`: publish pages to the on-call notification topic.
 */
export type Capability = 'user-pool-clients' | 'user-pool-users' | 'patient-key-secret' | 'on-call-topic';

export interface RouteBinding {
  readonly contract: RouteContract;
  readonly handler: HandlerPath;
  readonly uses?: readonly Capability[];
}

export interface Subscription {
  /** Unique within the service; names the rule, queue and function. */
  readonly name: string;
  readonly events: readonly EventContract[];
  readonly handler: HandlerPath;
  readonly batchSize: number;
  readonly maxReceiveCount: number;
  readonly visibilityTimeoutSeconds: number;
  /** The consumer's memory (and so its CPU share) when the default 512 MB is too little. */
  readonly memorySize?: number;
  readonly uses?: readonly Capability[];
}

export interface Schedule {
  readonly name: string;
  /** EventBridge Scheduler expression, e.g. `cron(0 2 1 * ? *)`. */
  readonly expression: string;
  readonly timeZone: string;
  readonly handler: HandlerPath;
  readonly description: string;
  readonly uses?: readonly Capability[];
}

/**
 * Everything infra and the local cloud need to run a service. Both are generic over this type, so a
 * route or subscription added here is deployed and emulated without touching either.
 */
export interface ServiceManifest {
  readonly name: ServiceName;
  readonly source: EventSource;
  /** Absolute path of the service folder (handler paths are relative to it). */
  readonly dir: string;
  readonly table: TableSpec;
  readonly routes: readonly RouteBinding[];
  readonly subscriptions: readonly Subscription[];
  readonly schedules: readonly Schedule[];
  /**
   * Handlers the identity provider calls (Cognito's pre-token-generation trigger, version 3); the
   * local issuer calls the same handler when it issues a token.
   */
  readonly identityTriggers?: { readonly preTokenGeneration?: HandlerPath };
  /**
   * Optional module (relative to `dir`) exporting `seed(api: LocalSeedApi)`, run by the local cloud
   * after start-up to load demo data through the service's own API. Never deployed.
   */
  readonly localSeed?: `${string}.ts`;
}

/**
 * What a service's local seed receives: the API URL and tokens, by client id for the operator, by
 * partner id or staff id for the partners and people an earlier seed created.
 */
export interface LocalSeedApi {
  apiUrl: string;
  token(name: string): Promise<string>;
  /** Waits until every event so far has reached every consumer (projections included). */
  settle(): Promise<void>;
  /** Where the AWS SDK's Cognito client signs people in (the local user pool). */
  cognito: CognitoEndpoint;
}

/** What the AWS SDK's Cognito client needs to sign people in to a user pool. */
export interface CognitoEndpoint {
  endpoint: string;
  region: string;
  userPoolId: string;
  clientId: string;
}

/** A person a seed created and signed in once (password chosen, TOTP set up), for the credentials file. */
export interface SeededStaffUser {
  tenantId: string;
  practiceId: string;
  staffId: string;
  username: string;
  password: string;
  /** Base32; null for a person without MFA. */
  totpSecret: string | null;
  roles: string[];
  credential: string;
}

/** Partner credentials a seed issued through the admin API, for later seeds and the credentials file. */
export interface SeededPartnerClient {
  partnerId: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
}

/** What a local seed may report back. */
export interface LocalSeedResult {
  partners?: SeededPartnerClient[];
  staffUsers?: SeededStaffUser[];
}

/** The standard single-table layout every service uses: pk/sk, one generic GSI, TTL and a stream. */
export const standardTable: TableSpec = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [{ name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
  ttlAttribute: 'expiresAt',
  stream: true,
};

/** The EventBridge pattern a subscription's rule uses, built from the contracts' constants. */
export function subscriptionPattern(subscription: Subscription): {
  source: string[];
  'detail-type': string[];
} {
  const sources = [...new Set(subscription.events.map((e) => e.source))].sort();
  const detailTypes = [...new Set(subscription.events.map((e) => e.detailType))].sort();
  return { source: sources, 'detail-type': detailTypes };
}

/** Declares a manifest (identity function, for type inference and freezing). */
/**
 * A subscription consumer's timeout: a sixth of its queue's visibility timeout (Lambda's advice, so
 * a message is not delivered again while an invocation may still be working on it), within what
 * Lambda allows. Infra deploys it and the local cloud tells the handler the same.
 */
export function consumerTimeoutSeconds(subscription: Subscription): number {
  return Math.min(900, Math.max(3, Math.floor(subscription.visibilityTimeoutSeconds / 6)));
}

export function defineManifest(manifest: ServiceManifest): ServiceManifest {
  return Object.freeze(manifest);
}

/**
 * The subscription that keeps a service's projection of the directory's practices (time zones,
 * NPIs, callback numbers, care models); its handler is lambda-kit's `practiceProjectionConsumer`.
 */
export function practiceDirectorySubscription(changed: Subscription['events'][number]): Subscription {
  return {
    name: 'practice-directory',
    events: [changed],
    handler: 'handlers/on-practice-changed.ts',
    batchSize: 10,
    maxReceiveCount: 5,
    visibilityTimeoutSeconds: 30,
  };
}
