import type { ServiceManifest } from '@carelink/contracts';
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';
import { pascalCase } from '../constructs/naming';
import { apiNames } from '../constructs/partner-api';
import { Service } from '../constructs/service';
import { type PlatformStack, resourceServerIdentifier, tokenTriggerFunctionName } from './platform-stack';

export interface ServiceStackProps extends StackProps {
  readonly stage: StageConfig;
  readonly platform: PlatformStack;
  readonly manifest: ServiceManifest;
}

/**
 * One service and everything it runs: its table and backups, functions, queues, rules, schedules and
 * alarms. It references the platform (key, bus, vault, topic) and nothing else; the API stack
 * integrates its route functions, so it deploys after this stack.
 */
export class ServiceStack extends Stack {
  readonly service: Service;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { stage, platform, manifest } = props;
    this.service = new Service(this, pascalCase(manifest.name), {
      manifest,
      stage,
      key: platform.key,
      eventBus: platform.eventBus,
      backupVault: platform.backupVault,
      backupRole: platform.backupRole,
      alarmTopic: platform.alarmTopic,
      api: apiNames(stage),
      identity: {
        userPool: platform.userPool,
        resourceServerId: resourceServerIdentifier,
        patientKeySecret: platform.patientKeySecret,
        onCallTopic: platform.onCallTopic,
        tokenTriggerFunctionName: tokenTriggerFunctionName(stage, manifest.name),
      },
    });
  }
}
