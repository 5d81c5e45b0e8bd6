import type { HandlerPath, RouteContract, ServiceManifest } from '@carelink/contracts';

export interface CompiledRoute {
  manifest: ServiceManifest;
  contract: RouteContract;
  handler: HandlerPath;
  regex: RegExp;
  paramNames: string[];
}

/** Compiles every manifest route's API Gateway path template into a matcher. */
export function compileRoutes(manifests: readonly ServiceManifest[]): CompiledRoute[] {
  const routes = manifests.flatMap((manifest) =>
    manifest.routes.map(({ contract, handler }) => {
      const paramNames: string[] = [];
      const pattern = contract.path
        .replace(/[.*+^$()|[\]\\]/g, '\\$&')
        .replace(/\{(\w+)\}/g, (_, name: string) => {
          paramNames.push(name);
          return '([^/]+)';
        });
      return { manifest, contract, handler, regex: new RegExp(`^${pattern}/?$`), paramNames };
    }),
  );
  // Literal segments win over parameters, as in API Gateway (`/v1/cases/mine` before `/v1/cases/{id}`).
  return routes.sort((a, b) => a.paramNames.length - b.paramNames.length);
}

export type RouteMatch =
  | { kind: 'found'; route: CompiledRoute; pathParameters: Record<string, string> }
  | { kind: 'method-not-allowed' }
  | { kind: 'not-found' };

export function matchRoute(routes: readonly CompiledRoute[], method: string, path: string): RouteMatch {
  let pathExists = false;
  for (const route of routes) {
    const match = route.regex.exec(path);
    if (!match) continue;
    pathExists = true;
    if (route.contract.method !== method) continue;
    const pathParameters = Object.fromEntries(
      route.paramNames.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]),
    );
    return { kind: 'found', route, pathParameters };
  }
  return pathExists ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
}
