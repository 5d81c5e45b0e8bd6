import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AccessRecordedV1,
  type Capability,
  consumerTimeoutSeconds,
  type ServiceManifest,
  subscriptionPattern,
} from '@carelink/contracts';
import { deadLetterQueueName } from '@carelink/lambda-kit/events/dead-letters';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { markAsDeadLetterQueue } from '../aspects/guardrails';
import type { StageConfig } from '../config/stages';
import { ManagedPolicyRole } from './managed-policy-role';
import { pascalCase, physicalName } from './naming';
import { type ApiNames, apiMethod5xxMetric } from './partner-api';
import {
  grantPutEventsAsSource,
  grantSendToQueue,
  grantServiceTable,
  grantStreamDecrypt,
  type ServiceTable,
} from './permissions';
import { ServiceAlarms } from './service-alarms';
import { ServiceFunction } from './service-function';

/** The generic outbox stream consumer every service runs against its own table. */
export const outboxRelayEntry = fileURLToPath(
  new URL('../../packages/lambda-kit/src/handlers/outbox-relay.ts', import.meta.url),
);

/**
 * The `source`s a service's outbox relay may publish: the service's own, and the audit source when
 * the service answers HTTP requests (every HTTP handler records an access event through its outbox).
 */
export function relaySources(manifest: ServiceManifest): string[] {
  const sources = [manifest.source];
  if (manifest.routes.length > 0) sources.push(AccessRecordedV1.source);
  return [...new Set(sources)];
}

/** What the scheduler passes to a scheduled handler (see lambda-kit's scheduled handler). */
export function scheduleInput(name: string): string {
  return JSON.stringify({ schedule: name, scheduledTime: '<aws.scheduler.scheduled-time>' });
}

/** The event source mapping's on-failure destination, granted send on that queue only. */
class QueueFailureDestination implements lambda.IEventSourceDlq {
  constructor(
    private readonly queue: sqs.IQueue,
    private readonly key: kms.IKey,
  ) {}

  bind(_target: lambda.IEventSourceMapping, targetHandler: lambda.IFunction): lambda.DlqDestinationConfig {
    grantSendToQueue(targetHandler, this.queue, this.key);
    return { destination: this.queue.queueArn };
  }
}

export interface ServiceProps {
  readonly manifest: ServiceManifest;
  readonly stage: StageConfig;
  readonly key: kms.IKey;
  readonly eventBus: events.IEventBus;
  readonly backupVault: backup.IBackupVault;
  readonly backupRole: iam.IRole;
  readonly alarmTopic: sns.ITopic;
  /**
   * Names of the shared REST API and its stage, for the 5xx alarms of this service's methods. Names,
   * not constructs: the API stack depends on the service stacks (it integrates their functions), so a
   * service may not reference the API's resources.
   */
  readonly api: ApiNames;
  readonly identity: ServiceIdentity;
}

/** The platform's identity resources a service's handlers may be given (see `Capability`). */
export interface ServiceIdentity {
  readonly userPool: cognito.IUserPool;
  /** The resource server whose scopes partner clients hold, e.g. `carelink`. */
  readonly resourceServerId: string;
  readonly patientKeySecret: secretsmanager.ISecret;
  /** Where urgent risk flags page the on-call person (SNS, encrypted with the platform key). */
  readonly onCallTopic: sns.ITopic;
  /**
   * The fixed name of the pre-token-generation function: the user pool (in the platform stack) names
   * it by ARN, since it cannot reference a function of a stack that depends on it.
   */
  readonly tokenTriggerFunctionName: string;
}

/** One route of the manifest and the function that answers it; the API stack adds the method. */
export interface RouteBinding {
  readonly contract: ServiceManifest['routes'][number]['contract'];
  readonly function: lambda.IFunction;
}

export interface SubscriptionResources {
  readonly name: string;
  readonly rule: events.Rule;
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly consumer: ServiceFunction;
}

/**
 * Everything one service runs, derived from its manifest alone: its table and backups, a function
 * per route handler, subscription and schedule, the outbox relay, the rules, queues and schedules
 * feeding them, the API methods, and the alarms.
 */
export class Service extends Construct {
  readonly manifest: ServiceManifest;
  readonly table: dynamodb.TableV2;
  readonly functions = new Map<string, ServiceFunction>();
  readonly subscriptions: SubscriptionResources[] = [];
  readonly routes: RouteBinding[] = [];
  readonly deadLetterQueues: sqs.Queue[] = [];
  readonly schedules: scheduler.CfnSchedule[] = [];
  readonly relay: ServiceFunction;
  readonly alarms: ServiceAlarms;
  private readonly prefix: string;
  private readonly asyncDeadLetterQueue: sqs.Queue;
  private readonly serviceTable: ServiceTable;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: ServiceProps,
  ) {
    super(scope, id);
    const { manifest, stage, key } = props;
    this.manifest = manifest;
    this.prefix = `carelink-${stage.name}-${manifest.name}`;
    this.alarms = new ServiceAlarms(this, 'Alarms', { service: manifest.name, topic: props.alarmTopic });

    this.table = this.createTable();
    this.serviceTable = {
      service: manifest.name,
      table: this.table,
      key,
      indexNames: manifest.table.indexes.map((index) => index.name),
    };

    this.asyncDeadLetterQueue = this.deadLetterQueue(
      'AsyncFailures',
      `${this.prefix}-async-dlq`,
      'failed asynchronous invocations of this service’s functions',
    );

    this.relay = this.createRelay();
    this.createRoutes();
    for (const subscription of manifest.subscriptions) this.createSubscription(subscription);
    this.createSchedules();
    this.createIdentityTriggers();
  }

  private get removalPolicy(): RemovalPolicy {
    return this.props.stage.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
  }

  private createTable(): dynamodb.TableV2 {
    const { manifest, stage, key } = this.props;
    const attribute = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    const table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: attribute(manifest.table.partitionKey),
      sortKey: attribute(manifest.table.sortKey),
      billing: dynamodb.Billing.onDemand(),
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(key),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: stage.retainData,
      removalPolicy: this.removalPolicy,
      dynamoStream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: manifest.table.ttlAttribute,
      globalSecondaryIndexes: manifest.table.indexes.map((index) => ({
        indexName: index.name,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
      })),
    });

    const plan = new backup.BackupPlan(this, 'Backup', {
      backupPlanName: `${this.prefix}-table`,
      backupVault: this.props.backupVault,
      backupPlanRules: [
        new backup.BackupPlanRule({
          ruleName: 'Daily',
          scheduleExpression: events.Schedule.cron({ hour: '5', minute: '0' }),
          deleteAfter: Duration.days(stage.backup.dailyRetentionDays),
        }),
        new backup.BackupPlanRule({
          ruleName: 'Monthly',
          scheduleExpression: events.Schedule.cron({ day: '1', hour: '6', minute: '0' }),
          deleteAfter: Duration.days(stage.backup.monthlyRetentionDays),
        }),
      ],
    });
    plan.addSelection('Table', {
      resources: [backup.BackupResource.fromArn(table.tableArn)],
      role: this.props.backupRole,
    });
    return table;
  }

  /** A queue that only ever receives failures; alarmed at its first message. */
  private deadLetterQueue(id: string, queueName: string, holds: string, redriveTarget = false): sqs.Queue {
    const queue = new sqs.Queue(this, id, {
      queueName: physicalName([queueName], 80),
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.props.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    markAsDeadLetterQueue(queue);
    const reason = `This queue is itself a dead-letter queue (${holds}); it has no consumer to fail, keeps messages 14 days for inspection and replay, and alarms at its first message.`;
    Validations.of(queue).acknowledge({ id: 'Serverless-SQSRedrivePolicy', reason });
    // AwsSolutions recognises a queue named in another queue's redrive policy; the others are declared.
    if (!redriveTarget) Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason });
    this.deadLetterQueues.push(queue);
    this.alarms.deadLetterDepth(`${id}Depth`, queue);
    return queue;
  }

  private addFunction(
    id: string,
    handler: string,
    kind: keyof StageConfig['reservedConcurrency'],
    options: {
      timeout: Duration;
      memorySize?: number;
      functionName?: string;
      /** `stream`: the function only reads the table's stream (its event source grants that). */
      tableAccess?: 'data' | 'stream';
    },
  ): ServiceFunction {
    const { manifest, stage } = this.props;
    const fn = new ServiceFunction(this, id, {
      ...(options.functionName ? { functionName: options.functionName } : {}),
      service: manifest.name,
      entry: handler,
      description: `${manifest.name}: ${id}`,
      key: this.props.key,
      eventBus: this.props.eventBus,
      asyncDeadLetterQueue: this.asyncDeadLetterQueue,
      logRetentionDays: stage.logRetentionDays,
      removalPolicy: this.removalPolicy,
      reservedConcurrency: stage.reservedConcurrency[kind],
      timeout: options.timeout,
      ...(options.memorySize ? { memorySize: options.memorySize } : {}),
    });
    if (options.tableAccess === 'stream') grantStreamDecrypt(fn.function, this.serviceTable);
    else grantServiceTable(fn.function, this.serviceTable);
    this.functions.set(id, fn);
    this.alarms.functionHealth(id, fn.function);
    return fn;
  }

  private handlerEntry(handler: string): string {
    return join(this.props.manifest.dir, handler);
  }

  private createRelay(): ServiceFunction {
    const relay = this.addFunction('OutboxRelay', outboxRelayEntry, 'relay', {
      timeout: Duration.minutes(1),
      tableAccess: 'stream',
    });
    grantPutEventsAsSource(relay.role, this.props.eventBus, relaySources(this.props.manifest));
    const failures = this.deadLetterQueue(
      'OutboxRelayFailures',
      `${this.prefix}-outbox-relay-dlq`,
      'stream batches the outbox relay could not publish after its retries',
    );
    relay.function.addEventSource(
      new DynamoEventSource(this.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        parallelizationFactor: 1,
        bisectBatchOnError: true,
        retryAttempts: 10,
        maxRecordAge: Duration.days(1),
        reportBatchItemFailures: true,
        onFailure: new QueueFailureDestination(failures, this.props.key),
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { kind: { S: lambda.FilterRule.isEqual('outbox') } } },
          }),
        ],
      }),
    );
    return relay;
  }

  private createRoutes(): void {
    const { manifest, api } = this.props;
    if (manifest.routes.length === 0) return;
    const byHandler = new Map<string, ServiceManifest['routes'][number][]>();
    for (const route of manifest.routes)
      byHandler.set(route.handler, [...(byHandler.get(route.handler) ?? []), route]);

    const metrics: cloudwatch.IMetric[] = [];
    for (const [handler, routes] of byHandler) {
      const fn = this.addFunction(`Route${pascalCase(handler)}`, this.handlerEntry(handler), 'api', {
        // API Gateway stops waiting after 29 seconds.
        timeout: Duration.seconds(15),
        memorySize: 1024,
      });
      for (const route of routes) {
        this.routes.push({ contract: route.contract, function: fn.function });
        metrics.push(apiMethod5xxMetric(api, route.contract));
      }
      for (const capability of new Set(routes.flatMap((route) => route.uses ?? [])))
        this.grantCapability(fn, capability);
    }
    this.alarms.api5xx(metrics);
  }

  /** Exactly what a capability needs: its configuration and its least-privilege grant. */
  private grantCapability(fn: ServiceFunction, capability: Capability): void {
    const { identity } = this.props;
    if (capability === 'user-pool-clients') {
      fn.function.addEnvironment('USER_POOL_ID', identity.userPool.userPoolId);
      fn.function.addEnvironment('RESOURCE_SERVER_ID', identity.resourceServerId);
      fn.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['cognito-idp:CreateUserPoolClient', 'cognito-idp:DeleteUserPoolClient'],
          resources: [identity.userPool.userPoolArn],
        }),
      );
    } else if (capability === 'user-pool-users') {
      fn.function.addEnvironment('USER_POOL_ID', identity.userPool.userPoolId);
      fn.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: [
            'cognito-idp:AdminCreateUser',
            'cognito-idp:AdminDisableUser',
            'cognito-idp:AdminUserGlobalSignOut',
          ],
          resources: [identity.userPool.userPoolArn],
        }),
      );
    } else if (capability === 'on-call-topic') {
      fn.function.addEnvironment('ON_CALL_TOPIC_ARN', identity.onCallTopic.topicArn);
      // On the role, for the same reason as the secret below: the topic lives in the platform stack.
      fn.role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['sns:Publish'], resources: [identity.onCallTopic.topicArn] }),
      );
      fn.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
          resources: [this.props.key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `sns.${Stack.of(this).region}.amazonaws.com` } },
        }),
      );
    } else {
      fn.function.addEnvironment('PATIENT_KEY_SECRET_ID', identity.patientKeySecret.secretArn);
      // Granted on the role alone: a grant on the secret or the key would make the platform stack
      // reference this stack's role, closing a cycle. The secret is encrypted with the platform key.
      fn.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['secretsmanager:GetSecretValue'],
          resources: [identity.patientKeySecret.secretArn],
        }),
      );
      fn.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['kms:Decrypt'],
          resources: [this.props.key.keyArn],
          conditions: {
            StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(this).region}.amazonaws.com` },
          },
        }),
      );
    }
  }

  /**
   * The identity provider's trigger, when the manifest declares one: a function with the fixed name
   * the user pool invokes, allowed to be invoked by that pool only.
   */
  private createIdentityTriggers(): void {
    const trigger = this.props.manifest.identityTriggers?.preTokenGeneration;
    if (!trigger) return;
    const { identity } = this.props;
    const fn = this.addFunction('PreTokenGeneration', this.handlerEntry(trigger), 'api', {
      timeout: Duration.seconds(5),
      memorySize: 512,
      functionName: identity.tokenTriggerFunctionName,
    });
    fn.function.addPermission('UserPoolInvoke', {
      principal: new iam.ServicePrincipal('cognito-idp.amazonaws.com'),
      sourceArn: identity.userPool.userPoolArn,
    });
    const reason =
      'Cognito invokes this trigger synchronously while issuing a token and fails the token request if it fails; there is no asynchronous invocation whose event a dead-letter queue could keep.';
    Validations.of(fn.function).acknowledge(
      { id: 'HIPAA.Security-LambdaDLQ', reason },
      { id: 'Serverless-LambdaDLQ', reason },
    );
  }

  private createSubscription(subscription: ServiceManifest['subscriptions'][number]): void {
    const { key, eventBus } = this.props;
    const id = `Subscription${pascalCase(subscription.name)}`;
    // Room for the `-dlq` suffix within SQS's 80 characters.
    const queueName = physicalName([this.prefix, subscription.name], 76);
    const deadLetterQueue = this.deadLetterQueue(
      `${id}Dlq`,
      deadLetterQueueName(queueName),
      `messages of ${queueName}`,
      true,
    );
    const queue = new sqs.Queue(this, `${id}Queue`, {
      queueName,
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(subscription.visibilityTimeoutSeconds),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: subscription.maxReceiveCount },
    });
    this.alarms.oldestMessageAge(`${id}Age`, queue);

    const pattern = subscriptionPattern(subscription);
    const rule = new events.Rule(this, `${id}Rule`, {
      eventBus,
      description: `${this.props.manifest.name} subscription ${subscription.name}`,
      eventPattern: { source: pattern.source, detailType: pattern['detail-type'] },
      targets: [
        new targets.SqsQueue(queue, {
          deadLetterQueue,
          maxEventAge: Duration.hours(24),
          retryAttempts: 185,
        }),
      ],
    });

    const consumer = this.addFunction(id, this.handlerEntry(subscription.handler), 'consumer', {
      timeout: Duration.seconds(consumerTimeoutSeconds(subscription)),
      ...(subscription.memorySize ? { memorySize: subscription.memorySize } : {}),
    });
    for (const capability of subscription.uses ?? []) this.grantCapability(consumer, capability);
    const reserved = this.props.stage.reservedConcurrency.consumer;
    consumer.function.addEventSource(
      new SqsEventSource(queue, {
        batchSize: subscription.batchSize,
        ...(subscription.batchSize > 10 ? { maxBatchingWindow: Duration.seconds(1) } : {}),
        reportBatchItemFailures: true,
        maxConcurrency: Math.min(1000, Math.max(2, reserved)),
      }),
    );
    // Poison messages go straight to this subscription's own dead-letter queue, and nowhere else.
    grantSendToQueue(consumer.role, deadLetterQueue, key);
    for (const child of consumer.function.node.children) {
      if (child instanceof lambda.EventSourceMapping) {
        Validations.of(child).acknowledge({
          id: 'Serverless-LambdaEventSourceMappingDestination',
          reason: `SQS event source mappings take no on-failure destination: a message failing ${subscription.maxReceiveCount} times is moved by the queue's redrive policy to ${deadLetterQueueName(queueName)}, which alarms at its first message.`,
        });
      }
    }
    this.subscriptions.push({ name: subscription.name, rule, queue, deadLetterQueue, consumer });
  }

  private createSchedules(): void {
    const { manifest } = this.props;
    if (manifest.schedules.length === 0) return;
    const failures = this.deadLetterQueue(
      'ScheduleFailures',
      `${this.prefix}-schedules-dlq`,
      'scheduler invocations that could not be delivered',
    );
    const role = new ManagedPolicyRole(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: `EventBridge Scheduler invoking ${manifest.name} scheduled functions`,
    });
    grantSendToQueue(role, failures, this.props.key);

    for (const schedule of manifest.schedules) {
      const id = `Schedule${pascalCase(schedule.name)}`;
      const fn = this.addFunction(id, this.handlerEntry(schedule.handler), 'scheduled', {
        timeout: Duration.minutes(5),
        memorySize: 1024,
      });
      for (const capability of schedule.uses ?? []) this.grantCapability(fn, capability);
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [fn.function.functionArn] }),
      );
      this.schedules.push(
        new scheduler.CfnSchedule(this, `${id}Schedule`, {
          name: physicalName([this.prefix, schedule.name], 64),
          description: schedule.description,
          scheduleExpression: schedule.expression,
          scheduleExpressionTimezone: schedule.timeZone,
          flexibleTimeWindow: { mode: 'OFF' },
          state: 'ENABLED',
          target: {
            arn: fn.function.functionArn,
            roleArn: role.roleArn,
            input: scheduleInput(schedule.name),
            deadLetterConfig: { arn: failures.queueArn },
            retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 3600 },
          },
        }),
      );
    }
  }
}
