import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { bundlingOptions } from './bundling';
import { ManagedPolicyRole } from './managed-policy-role';
import { grantSendToQueue } from './permissions';

/**
 * Node.js 24 (`nodejs24.x`) is the newest Node.js runtime Lambda offers; the bundles target the same
 * version (see bundling.ts), and cdk-nag's "latest runtime" check holds it there.
 */
export const functionRuntime = lambda.Runtime.NODEJS_24_X;
export const functionArchitecture = lambda.Architecture.ARM_64;

/** Powertools metrics namespace shared by every service. */
export const metricsNamespace = 'Carelink';

export interface ServiceFunctionProps {
  /** Service name, for Powertools and descriptions. */
  readonly service: string;
  /** Absolute path of the handler module (it exports `handler`). */
  readonly entry: string;
  readonly description: string;
  readonly key: kms.IKey;
  /** Sets `EVENT_BUS_NAME`; service functions always have it. */
  readonly eventBus?: events.IEventBus;
  /**
   * Where Lambda puts events of failed asynchronous invocations. Only functions that are never
   * invoked asynchronously (e.g. a Cognito trigger) go without, and acknowledge that.
   */
  readonly asyncDeadLetterQueue?: sqs.IQueue;
  /** A fixed name, for functions something must address before they exist (a Cognito trigger). */
  readonly functionName?: string;
  readonly logRetentionDays: number;
  readonly removalPolicy: RemovalPolicy;
  readonly reservedConcurrency: number;
  readonly timeout?: Duration;
  readonly memorySize?: number;
  readonly environment?: Record<string, string>;
}

/**
 * One Carelink Lambda function with the platform defaults: Node.js 24 on ARM64, ESM bundle (minified,
 * source maps, AWS SDK from the runtime), X-Ray active tracing, JSON logs to its own KMS-encrypted log
 * group with retention, reserved concurrency, a dead-letter queue for asynchronous invocations, and a
 * role that starts with nothing but writing its own logs.
 */
export class ServiceFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: ManagedPolicyRole;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetentionDays as logs.RetentionDays,
      encryptionKey: props.key,
      removalPolicy: props.removalPolicy,
    });

    this.role = new ManagedPolicyRole(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: props.description,
    });
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      ...(props.functionName ? { functionName: props.functionName } : {}),
      description: props.description,
      runtime: functionRuntime,
      architecture: functionArchitecture,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      tracing: lambda.Tracing.ACTIVE,
      reservedConcurrentExecutions: props.reservedConcurrency,
      bundling: bundlingOptions,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.service,
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
        ...(props.eventBus ? { EVENT_BUS_NAME: props.eventBus.eventBusName } : {}),
        ...props.environment,
      },
    });

    // The dead-letter queue is set on the resource directly so the grant below (send to that queue
    // only, key use through SQS only) replaces the broader grant the L2 option would add.
    if (props.asyncDeadLetterQueue) {
      const cfnFunction = this.function.node.defaultChild as lambda.CfnFunction;
      cfnFunction.deadLetterConfig = { targetArn: props.asyncDeadLetterQueue.queueArn };
      grantSendToQueue(this.role, props.asyncDeadLetterQueue, props.key);
    }

    Validations.of(this.role.policy ?? this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions; every other statement of this role names its resources.',
    });
    Validations.of(this.function).acknowledge({
      id: 'HIPAA.Security-LambdaInsideVPC',
      reason:
        'The function reaches only AWS regional endpoints (DynamoDB, EventBridge, SQS, X-Ray, CloudWatch) over TLS with SigV4-signed requests authorized by its role, and there are no VPC-resident resources; it accepts no inbound connections, so a VPC would add NAT cost without narrowing any data path.',
    });
  }
}
