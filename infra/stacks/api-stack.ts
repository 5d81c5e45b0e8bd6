import { Stack, type StackProps } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';
import { pascalCase } from '../constructs/naming';
import { PartnerApi } from '../constructs/partner-api';
import type { Service } from '../constructs/service';
import { type PlatformStack, resourceServerIdentifier } from './platform-stack';

export interface ApiStackProps extends StackProps {
  readonly stage: StageConfig;
  readonly platform: PlatformStack;
  readonly services: readonly Service[];
}

/**
 * The one REST API: authorizer, validation, WAF, gateway responses, the stage and its
 * deployment, and every route of every service as a method. Methods live here, next to the
 * deployment that snapshots them, and integrate functions of the service stacks by ARN; the invoke
 * permissions are created here too. References therefore only point from this stack to the service
 * stacks and the platform, never back.
 */
export class ApiStack extends Stack {
  readonly api: PartnerApi;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { stage, platform } = props;
    this.api = new PartnerApi(this, 'Api', {
      stage,
      userPool: platform.userPool,
      resourceServerIdentifier,
      key: platform.key,
    });

    for (const service of props.services) {
      const imported = new Map<lambda.IFunction, lambda.IFunction>();
      for (const route of service.routes) {
        let handler = imported.get(route.function);
        if (!handler) {
          // An import in this stack: the permission API Gateway needs is created here, not in the service stack.
          handler = lambda.Function.fromFunctionAttributes(
            this,
            `${pascalCase(service.manifest.name)}${route.function.node.scope?.node.id ?? imported.size}`,
            { functionArn: route.function.functionArn, sameEnvironment: true },
          );
          imported.set(route.function, handler);
        }
        this.api.addRoute(route.contract, handler);
      }
    }
  }
}
