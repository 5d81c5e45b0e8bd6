import type { ServiceManifest } from '@carelink/contracts';
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Partner } from '../config/partners';
import type { StageConfig } from '../config/stages';
import { pascalCase } from '../constructs/naming';
import { PartnerApi } from '../constructs/partner-api';
import { Service } from '../constructs/service';
import { type PlatformStack, resourceServerIdentifier } from './platform-stack';

export interface ApplicationStackProps extends StackProps {
  readonly stage: StageConfig;
  readonly platform: PlatformStack;
  readonly manifests: readonly ServiceManifest[];
  readonly partners: readonly Partner[];
}

/**
 * The REST API (with its WAF and usage plans) and one `Service` per manifest. The API exists once any
 * manifest has a route; its methods and deployment must live in the stack that defines them.
 */
export class ApplicationStack extends Stack {
  readonly api: PartnerApi | undefined;
  readonly services = new Map<string, Service>();

  constructor(scope: Construct, id: string, props: ApplicationStackProps) {
    super(scope, id, props);
    const { stage, platform } = props;
    const hasRoutes = props.manifests.some((manifest) => manifest.routes.length > 0);
    this.api = hasRoutes
      ? new PartnerApi(this, 'Api', {
          stage,
          userPool: platform.userPool,
          resourceServerIdentifier,
          key: platform.key,
          partners: props.partners,
        })
      : undefined;

    for (const manifest of props.manifests) {
      if (this.services.has(manifest.name)) throw new Error(`service ${manifest.name} is registered twice`);
      const service = new Service(this, pascalCase(manifest.name), {
        manifest,
        stage,
        key: platform.key,
        eventBus: platform.eventBus,
        backupVault: platform.backupVault,
        backupRole: platform.backupRole,
        alarmTopic: platform.alarmTopic,
        api: this.api,
      });
      this.services.set(manifest.name, service);
    }
  }
}
