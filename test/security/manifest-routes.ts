import type { RouteContract, ServiceManifest, Subscription } from '@carelink/contracts';
import { type StaffRole, scopesOfRoles } from '@carelink/contracts';
import * as z from 'zod/mini';
import type { LocalCloud } from '../../packages/local/src/cloud';
import { serviceManifests } from '../../services/manifests';

/** One route of one service, as its manifest declares it. */
export interface ManifestRoute {
  service: ServiceManifest['name'];
  contract: RouteContract;
  /** `METHOD /v1/...`, for messages. */
  label: string;
  /** Path parameter names in the order they appear in the path. */
  params: string[];
}

/** Every route of every manifest: a route added to a manifest is in this list without more ado. */
export function manifestRoutes(): ManifestRoute[] {
  return serviceManifests.flatMap((manifest) =>
    manifest.routes.map(({ contract }) => ({
      service: manifest.name,
      contract,
      label: `${contract.method} ${contract.path}`,
      params: [...contract.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string),
    })),
  );
}

/** Every subscription of every manifest, with its queue and dead-letter queue names. */
export function manifestSubscriptions(): {
  service: ServiceManifest['name'];
  subscription: Subscription;
  queue: string;
  dlq: string;
}[] {
  return serviceManifests.flatMap((manifest) =>
    manifest.subscriptions.map((subscription) => ({
      service: manifest.name,
      subscription,
      queue: `${manifest.name}-${subscription.name}`,
      dlq: `${manifest.name}-${subscription.name}-dlq`,
    })),
  );
}

/** The example a schema documents in its metadata (`.meta({ example })`). */
export function exampleOf(schema: RouteContract['body']): unknown {
  if (!schema) return undefined;
  return (z.globalRegistry.get(schema) as { example?: unknown } | undefined)?.example;
}

/** One side of an isolation test: a care organisation and the partner that refers to it. */
export interface World {
  tenantId: string;
  partnerId: string;
}

/** A client that can call the API: its id and the scopes its tokens carry. */
export interface Caller {
  clientId: string;
  scopes: readonly string[];
}

/** The world's callers of one kind: its tenant's people (by staff id), or its partner's seeded client. */
export function callersOf(
  cloud: Pick<LocalCloud, 'partners' | 'staffUsers'>,
  world: World,
  kind: 'tenant' | 'partner',
): Caller[] {
  if (kind === 'partner') return cloud.partners.filter((p) => p.partnerId === world.partnerId);
  return cloud.staffUsers
    .filter((u) => u.tenantId === world.tenantId)
    .map((u) => ({ clientId: u.staffId, scopes: scopesOfRoles(u.roles as StaffRole[]) }));
}

/**
 * The client of a world that may call a route: of a kind the route serves (its tenant's staff, its
 * partner; operator routes get the world's staff, none of whom holds the operator scope), one holding
 * every scope the route needs, else the one holding the most of them (which must be turned away).
 */
export function callerFor(
  cloud: Pick<LocalCloud, 'partners' | 'staffUsers'>,
  world: World,
  route: RouteContract,
): { client: Caller; holdsAllScopes: boolean } {
  const kinds = route.callers ?? ['tenant'];
  const candidates = [
    ...(kinds.includes('partner') ? callersOf(cloud, world, 'partner') : []),
    ...(kinds.includes('tenant') || !kinds.includes('partner') ? callersOf(cloud, world, 'tenant') : []),
  ];
  const held = (c: Caller) => route.scopes.filter((s) => c.scopes.includes(s)).length;
  const full = candidates.find((c) => held(c) === route.scopes.length);
  if (full) return { client: full, holdsAllScopes: kinds.some((k) => k !== 'operator') };
  const most = [...candidates].sort((a, b) => held(b) - held(a))[0];
  if (!most) throw new Error(`no client of ${world.tenantId} / ${world.partnerId} for ${route.operationId}`);
  return { client: most, holdsAllScopes: false };
}

/**
 * The segment before a path parameter and the parameter, e.g. `community-referrals/{referralId}`:
 * one name can mean different things under different collections.
 */
export function paramContexts(path: string): { name: string; context: string }[] {
  return [...path.matchAll(/([^/]+)\/\{(\w+)\}/g)].map((m) => ({
    name: m[2] as string,
    context: `${m[1]}/{${m[2]}}`,
  }));
}

/** Fills a path template, looking each parameter up by its context first, then by its name. */
export function fillPath(
  path: string,
  lookup: (name: string, context: string) => string | undefined,
): string {
  let filled = path;
  for (const { name, context } of paramContexts(path)) {
    const value = lookup(name, context);
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    filled = filled.replace(`{${name}}`, encodeURIComponent(value));
  }
  return filled;
}
