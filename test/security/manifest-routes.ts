import type { RouteContract, ServiceManifest, Subscription } from '@carelink/contracts';
import type { LocalClient } from '../../packages/local/src/auth/clients';
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
  return (schema.meta() as { example?: unknown } | undefined)?.example;
}

/**
 * The client of a tenant that may call a route: one holding every scope it needs, else the one
 * holding the most of them (which the gateway must turn away with 403).
 */
export function callerFor(
  clients: readonly LocalClient[],
  tenantId: string,
  scopes: readonly string[],
): { client: LocalClient; holdsAllScopes: boolean } {
  const ofTenant = clients.filter((c) => c.tenantId === tenantId);
  const held = (c: LocalClient) => scopes.filter((s) => c.scopes.includes(s)).length;
  const full = ofTenant.find((c) => held(c) === scopes.length);
  if (full) return { client: full, holdsAllScopes: true };
  const most = [...ofTenant].sort((a, b) => held(b) - held(a))[0];
  if (!most) throw new Error(`no seeded client of tenant ${tenantId}`);
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
