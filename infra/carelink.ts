import type { Scope, ServiceManifest } from '@carelink/contracts';
import { type App, Tags } from 'aws-cdk-lib';
import type { StageConfig } from './config/stages';
import { ApiStack } from './stacks/api-stack';
import { ConsoleStack } from './stacks/console-stack';
import { PlatformStack } from './stacks/platform-stack';
import { ServiceStack } from './stacks/service-stack';

export interface CarelinkProps {
  readonly stage: StageConfig;
  readonly manifests: readonly ServiceManifest[];
}

export interface Carelink {
  readonly platform: PlatformStack;
  /** One stack per manifest, by service name. */
  readonly services: ReadonlyMap<string, ServiceStack>;
  /** The REST API; present once any manifest has a route. */
  readonly api: ApiStack | undefined;
  /** The care-team console (S3 + CloudFront); present with the API it calls. */
  readonly console: ConsoleStack | undefined;
}

/** Every scope any route of any manifest requires. */
export function routeScopes(manifests: readonly ServiceManifest[]): Scope[] {
  return [...new Set(manifests.flatMap((m) => m.routes.flatMap((r) => r.contract.scopes)))].sort();
}

/**
 * Defines the Carelink stacks of one stage in an app: the platform, one stack per service, and the API
 * stack that integrates the services' route functions (deploy order: platform, services, API).
 */
export function defineCarelink(app: App, props: CarelinkProps): Carelink {
  const { stage } = props;
  const env = { region: stage.region, ...(stage.account ? { account: stage.account } : {}) };
  const common = { env, terminationProtection: stage.retainData };
  const prefix = `carelink-${stage.name}`;
  const tokenTrigger = props.manifests.find((manifest) => manifest.identityTriggers?.preTokenGeneration);

  const platform = new PlatformStack(app, `${prefix}-platform`, {
    ...common,
    description: `Carelink ${stage.name}: key, event bus, identity, backups and alarm topic`,
    stage,
    routeScopes: routeScopes(props.manifests),
    ...(tokenTrigger ? { tokenTriggerService: tokenTrigger.name } : {}),
  });

  const services = new Map<string, ServiceStack>();
  for (const manifest of props.manifests) {
    if (services.has(manifest.name)) throw new Error(`service ${manifest.name} is registered twice`);
    const stack = new ServiceStack(app, `${prefix}-service-${manifest.name}`, {
      ...common,
      description: `Carelink ${stage.name}: the ${manifest.name} service`,
      stage,
      platform,
      manifest,
    });
    stack.addStackDependency(platform);
    services.set(manifest.name, stack);
  }

  const hasRoutes = props.manifests.some((manifest) => manifest.routes.length > 0);
  const api = hasRoutes
    ? new ApiStack(app, `${prefix}-api`, {
        ...common,
        description: `Carelink ${stage.name}: REST API and WAF`,
        stage,
        platform,
        services: [...services.values()].map((stack) => stack.service),
      })
    : undefined;
  if (api) {
    api.addStackDependency(platform);
    for (const stack of services.values()) api.addStackDependency(stack);
  }

  const consoleStack = api
    ? new ConsoleStack(app, `${prefix}-console`, {
        ...common,
        description: `Carelink ${stage.name}: care-team console on S3 and CloudFront with WAF`,
        stage,
        platform,
        apiUrl: api.api.restApi.url,
      })
    : undefined;
  if (consoleStack && api) {
    consoleStack.addStackDependency(platform);
    consoleStack.addStackDependency(api);
  }

  Tags.of(app).add('project', 'carelink');
  Tags.of(app).add('stage', stage.name);
  Tags.of(app).add('data-classification', 'phi');
  return { platform, services, api, console: consoleStack };
}
