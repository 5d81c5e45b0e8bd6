import type { Scope, ServiceManifest } from '@carelink/contracts';
import { type App, Tags } from 'aws-cdk-lib';
import type { Partner } from './config/partners';
import type { StageConfig } from './config/stages';
import { ApplicationStack } from './stacks/application-stack';
import { PlatformStack } from './stacks/platform-stack';

export interface CarelinkProps {
  readonly stage: StageConfig;
  readonly manifests: readonly ServiceManifest[];
  readonly partners: readonly Partner[];
}

export interface Carelink {
  readonly platform: PlatformStack;
  readonly application: ApplicationStack;
}

/** Every scope any route of any manifest requires. */
export function routeScopes(manifests: readonly ServiceManifest[]): Scope[] {
  return [...new Set(manifests.flatMap((m) => m.routes.flatMap((r) => r.contract.scopes)))].sort();
}

/** Defines the Carelink stacks of one stage in an app. */
export function defineCarelink(app: App, props: CarelinkProps): Carelink {
  const { stage } = props;
  const env = { region: stage.region, ...(stage.account ? { account: stage.account } : {}) };
  const common = { env, terminationProtection: stage.retainData };

  const platform = new PlatformStack(app, `carelink-${stage.name}-platform`, {
    ...common,
    description: `Carelink ${stage.name}: key, event bus, identity, backups and alarm topic`,
    stage,
    partners: props.partners,
    routeScopes: routeScopes(props.manifests),
  });
  const application = new ApplicationStack(app, `carelink-${stage.name}-application`, {
    ...common,
    description: `Carelink ${stage.name}: API and services`,
    stage,
    platform,
    manifests: props.manifests,
    partners: props.partners,
  });
  application.addStackDependency(platform);

  Tags.of(app).add('project', 'carelink');
  Tags.of(app).add('stage', stage.name);
  Tags.of(app).add('data-classification', 'phi');
  return { platform, application };
}
