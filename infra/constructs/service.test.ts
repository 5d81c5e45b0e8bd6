import {
  AccessRecordedV1,
  Problem,
  problemTypes,
  type ServiceManifest,
  subscriptionPattern,
} from '@carelink/contracts';
import { deadLetterQueueName } from '@carelink/lambda-kit/events/dead-letters';
import { localOnlyVariables } from '@carelink/lambda-kit/local-only';
import { tableNameVariable } from '@carelink/lambda-kit/runtime';
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { serviceManifests } from '../../services/manifests';
import { resourceServerIdentifier } from '../stacks/platform-stack';
import type { ServiceStack } from '../stacks/service-stack';
import { fixtureManifests } from '../test-fixtures/manifests';
import { synthesizeCarelink } from '../test-fixtures/synth';
import { apiMethods, dependencyCycle, referencedIds, resourcesOf } from '../test-fixtures/template-queries';
import { gatewayProblems } from './partner-api';
import { relaySources, scheduleInput } from './service';

/**
 * Resources any one stack may hold: 60% of CloudFormation's 500, so every stack has room to grow
 * (the API stack grows with every route, a service stack with its handlers and subscriptions).
 */
const resourceBudget = 300;

const cases: [string, readonly ServiceManifest[]][] = [
  ['the fixture services', fixtureManifests],
  ['the registered services', serviceManifests],
];

describe.each(cases)('%s', (_label, manifests) => {
  const carelink = synthesizeCarelink(manifests);
  const { apiTemplate, services, serviceTemplates } = carelink;
  const stackOf = (name: string) => services.get(name) as ServiceStack;
  const serviceOf = (name: string) => stackOf(name).service;
  const templateOf = (name: string) => serviceTemplates.get(name) as Template;
  const logicalId = (name: string, element: unknown) => stackOf(name).getLogicalId(element as CfnElement);
  const tableIdOf = (name: string) => logicalId(name, serviceOf(name).table.node.defaultChild);
  const allStacks = () => [
    ['platform', carelink.platformTemplate] as const,
    ['api', apiTemplate] as const,
    ...serviceTemplates,
  ];

  it('deploys one stack per service, each well under the CloudFormation resource limit, without cycles', () => {
    expect([...services.keys()].sort()).toEqual(manifests.map((m) => m.name).sort());
    for (const [name, template] of allStacks()) {
      const count = Object.keys(resourcesOf(template)).length;
      expect(count, `${name} has ${count} resources`).toBeLessThanOrEqual(resourceBudget);
      expect(dependencyCycle(template), name).toBeUndefined();
    }
  });

  it.each(manifests.map((m) => [m.name, m] as const))(
    'gives %s its own table with PITR, SSE-KMS, the stream, TTL, the manifest indexes and backups',
    (name, manifest) => {
      const template = templateOf(name);
      const tables = resourcesOf(template, 'AWS::DynamoDB::GlobalTable');
      expect(Object.keys(tables)).toEqual([tableIdOf(name)]);
      const table = tables[tableIdOf(name)];
      expect(table?.Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        Replicas: [
          {
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            SSESpecification: { KMSMasterKeyId: expect.anything() },
            DeletionProtectionEnabled: true,
          },
        ],
      });
      const indexes = (table?.Properties?.GlobalSecondaryIndexes as { IndexName: string }[]) ?? [];
      expect(indexes.map((index) => index.IndexName).sort()).toEqual(
        manifest.table.indexes.map((index) => index.name).sort(),
      );
      template.resourcePropertiesCountIs(
        'AWS::Backup::BackupSelection',
        Match.objectLike({ BackupSelection: Match.objectLike({ Resources: Match.anyValue() }) }),
        1,
      );
    },
  );

  it('runs every function on Node.js 24, ARM64, with tracing, reserved concurrency and a DLQ', () => {
    for (const template of serviceTemplates.values()) {
      for (const fn of Object.values(resourcesOf(template, 'AWS::Lambda::Function'))) {
        expect(fn.Properties).toMatchObject({
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
          TracingConfig: { Mode: 'Active' },
          ReservedConcurrentExecutions: expect.any(Number),
          DeadLetterConfig: { TargetArn: expect.anything() },
          LoggingConfig: { LogFormat: 'JSON', LogGroup: expect.anything() },
          Environment: {
            Variables: expect.objectContaining({
              POWERTOOLS_METRICS_NAMESPACE: 'Carelink',
              EVENT_BUS_NAME: expect.anything(),
            }),
          },
        });
      }
    }
  });

  it('deploys one function per route handler, subscription and schedule, plus the relay', () => {
    for (const m of manifests) {
      const trigger = m.identityTriggers?.preTokenGeneration ? 1 : 0;
      const expected =
        new Set(m.routes.map((r) => r.handler)).size +
        m.subscriptions.length +
        m.schedules.length +
        trigger +
        1;
      templateOf(m.name).resourceCountIs('AWS::Lambda::Function', expected);
    }
    apiTemplate.resourceCountIs('AWS::Lambda::Function', 0);
  });

  it('gives every queue a dead-letter queue unless it is one', () => {
    for (const template of serviceTemplates.values()) {
      const queues = resourcesOf(template, 'AWS::SQS::Queue');
      const deadLetterTargets = new Set<string>();
      for (const resource of Object.values(resourcesOf(template))) {
        const props = resource.Properties ?? {};
        const failureTargets = [
          (props.RedrivePolicy as { deadLetterTargetArn?: unknown })?.deadLetterTargetArn,
          (props.DeadLetterConfig as { TargetArn?: unknown })?.TargetArn,
          (props.DestinationConfig as { OnFailure?: unknown })?.OnFailure,
          (props.Target as { DeadLetterConfig?: unknown })?.DeadLetterConfig,
          (props.Targets as { DeadLetterConfig?: unknown }[])?.map((target) => target.DeadLetterConfig),
        ];
        for (const id of referencedIds(failureTargets)) deadLetterTargets.add(id);
      }
      for (const [id, queue] of Object.entries(queues)) {
        const hasDeadLetterQueue = queue.Properties?.RedrivePolicy !== undefined;
        expect(hasDeadLetterQueue || deadLetterTargets.has(id), `${id} has no DLQ and is none`).toBe(true);
        expect(queue.Properties?.KmsMasterKeyId).toBeDefined();
      }
    }
  });

  it('feeds each subscription from an EventBridge rule through its queue, with the DLQ naming convention', () => {
    for (const manifest of manifests) {
      const service = serviceOf(manifest.name);
      const template = templateOf(manifest.name);
      const id = (element: unknown) => logicalId(manifest.name, element);
      for (const subscription of manifest.subscriptions) {
        const resources = service.subscriptions.find((s) => s.name === subscription.name);
        expect(resources, `${manifest.name}/${subscription.name}`).toBeDefined();
        if (!resources) continue;
        const queueName = `carelink-prod-${manifest.name}-${subscription.name}`;
        template.hasResourceProperties('AWS::SQS::Queue', {
          QueueName: queueName,
          VisibilityTimeout: subscription.visibilityTimeoutSeconds,
          RedrivePolicy: {
            deadLetterTargetArn: { 'Fn::GetAtt': [id(resources.deadLetterQueue.node.defaultChild), 'Arn'] },
            maxReceiveCount: subscription.maxReceiveCount,
          },
        });
        template.hasResourceProperties('AWS::SQS::Queue', { QueueName: deadLetterQueueName(queueName) });
        const pattern = subscriptionPattern(subscription);
        template.hasResourceProperties('AWS::Events::Rule', {
          EventPattern: { source: pattern.source, 'detail-type': pattern['detail-type'] },
          Targets: [
            Match.objectLike({
              Arn: { 'Fn::GetAtt': [id(resources.queue.node.defaultChild), 'Arn'] },
              DeadLetterConfig: Match.anyValue(),
            }),
          ],
        });
        template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
          EventSourceArn: { 'Fn::GetAtt': [id(resources.queue.node.defaultChild), 'Arn'] },
          BatchSize: subscription.batchSize,
          FunctionResponseTypes: ['ReportBatchItemFailures'],
        });
        // A sixth of the visibility timeout (Lambda's advice), and the memory the manifest asks for.
        const consumer =
          template.findResources('AWS::Lambda::Function')[id(resources.consumer.function.node.defaultChild)];
        expect(consumer?.Properties).toMatchObject({
          Timeout: Math.min(900, Math.floor(subscription.visibilityTimeoutSeconds / 6)),
          MemorySize: subscription.memorySize ?? 512,
        });
      }
    }
  });

  it('relays outbox inserts from each table stream, filtered, bisected, bounded and with a failure queue', () => {
    for (const manifest of manifests) {
      templateOf(manifest.name).hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [tableIdOf(manifest.name), 'StreamArn'] },
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: Match.anyValue(),
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
        FilterCriteria: {
          Filters: [
            {
              Pattern: JSON.stringify({
                eventName: ['INSERT'],
                dynamodb: { NewImage: { kind: { S: ['outbox'] } } },
              }),
            },
          ],
        },
      });
    }
  });

  it('exposes exactly the manifests’ routes, each with its contract scopes, from the API stack', () => {
    const expected = new Map<string, string[]>();
    for (const manifest of manifests) {
      for (const route of manifest.routes) {
        expected.set(
          `${route.contract.method} ${route.contract.path}`,
          route.contract.scopes.map((scope) => `${resourceServerIdentifier}/${scope}`).sort(),
        );
      }
    }
    expect(apiMethods(apiTemplate)).toEqual(expected);
    for (const method of Object.values(resourcesOf(apiTemplate, 'AWS::ApiGateway::Method'))) {
      expect(method.Properties).toMatchObject({
        AuthorizationType: 'COGNITO_USER_POOLS',
        RequestValidatorId: expect.anything(),
        Integration: { Type: 'AWS_PROXY' },
      });
    }
    for (const template of serviceTemplates.values()) {
      template.resourceCountIs('AWS::ApiGateway::Method', 0);
    }
  });

  it('lets API Gateway invoke each route function for its own methods only, with the permission in the API stack', () => {
    const permissions = Object.values(resourcesOf(apiTemplate, 'AWS::Lambda::Permission'));
    expect(permissions).toHaveLength(manifests.reduce((count, m) => count + m.routes.length, 0));
    for (const permission of permissions) {
      expect(permission.Properties).toMatchObject({
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        FunctionName: { 'Fn::ImportValue': expect.any(String) },
      });
      // `arn:…:execute-api:…:<api>/<stage>/<METHOD>/<path>`: this stage and one method, never a wildcard.
      const sourceArn = JSON.stringify(permission.Properties?.SourceArn);
      expect(sourceArn).toMatch(/DeploymentStage[A-Za-z0-9]*"\},"\/(GET|POST|PUT|PATCH|DELETE)\/v1\//);
    }
    for (const [name, template] of serviceTemplates) {
      // The only permission a service grants is the user pool's, to invoke its token trigger.
      const own = Object.values(resourcesOf(template, 'AWS::Lambda::Permission'));
      expect(own.map((p) => p.Properties?.Principal)).toEqual(
        manifests.find((m) => m.name === name)?.identityTriggers ? ['cognito-idp.amazonaws.com'] : [],
      );
      template.resourceCountIs('AWS::ApiGateway::Deployment', 0);
    }
  });

  it('defines every route scope on the Cognito resource server', () => {
    const scopes = new Set(manifests.flatMap((m) => m.routes.flatMap((r) => r.contract.scopes)));
    const server = Object.values(
      resourcesOf(carelink.platformTemplate, 'AWS::Cognito::UserPoolResourceServer'),
    )[0];
    const defined = new Set(
      ((server?.Properties?.Scopes as { ScopeName: string }[]) ?? []).map((scope) => scope.ScopeName),
    );
    for (const scope of scopes) expect(defined).toContain(scope);
  });

  it('gives no deployed function a setting meant for the local cloud only', () => {
    for (const [, template] of serviceTemplates) {
      for (const fn of Object.values(resourcesOf(template, 'AWS::Lambda::Function'))) {
        const environment = fn.Properties?.Environment as { Variables: Record<string, unknown> } | undefined;
        const defined = Object.keys(environment?.Variables ?? {});
        expect(defined.length).toBeGreaterThan(0);
        expect(defined.filter((name) => localOnlyVariables.includes(name))).toEqual([]);
      }
    }
  });

  it('lets no function touch another service’s table, and sets each function’s own table variable', () => {
    for (const [service, template] of serviceTemplates) {
      const functions = resourcesOf(template, 'AWS::Lambda::Function');
      const policies = resourcesOf(template, 'AWS::IAM::ManagedPolicy');
      const ownTable = tableIdOf(service);
      for (const fn of Object.values(functions)) {
        const environment = fn.Properties?.Environment as { Variables: Record<string, unknown> } | undefined;
        const variables = environment?.Variables ?? {};
        expect(variables.POWERTOOLS_SERVICE_NAME).toBe(service);
        // The relay reads the stream only (its own test below); every other function uses the table.
        if (!String(fn.Properties?.Description ?? '').endsWith(': OutboxRelay')) {
          expect(variables[tableNameVariable(service as ServiceManifest['name'])]).toEqual({ Ref: ownTable });
        }
        const roleId = [...referencedIds(fn.Properties?.Role)][0];
        const attached = Object.values(policies).filter((policy) =>
          referencedIds(policy.Properties?.Roles).has(roleId ?? ''),
        );
        expect(attached).toHaveLength(1);
        const document = JSON.stringify(attached[0]?.Properties?.PolicyDocument);
        // Another service's table could only be reached through an import from its stack.
        const imports = [...document.matchAll(/"Fn::ImportValue":"([^"]+)"/g)].map((match) => match[1]);
        expect(imports.filter((name) => name?.includes('Table'))).toEqual([]);
        const tablesReached = [...referencedIds(attached[0]?.Properties?.PolicyDocument)].filter(
          (id) => resourcesOf(template)[id]?.Type === 'AWS::DynamoDB::GlobalTable',
        );
        expect(new Set(tablesReached)).toEqual(new Set([ownTable]));
      }
    }
  });

  it('lets the relay read its stream and publish, never read or write the table’s items', () => {
    for (const manifest of manifests) {
      const relay = serviceOf(manifest.name).relay;
      const document = Stack.of(relay).resolve(relay.role.policy?.document) as {
        Statement: { Action: unknown }[];
      };
      const actions = document.Statement.flatMap((statement) => [statement.Action].flat());
      const itemActions = ['GetItem', 'BatchGetItem', 'Query', 'Scan', 'PutItem', 'UpdateItem', 'DeleteItem']
        .concat(['BatchWriteItem', 'ConditionCheckItem'])
        .map((action) => `dynamodb:${action}`);
      expect(actions).toContain('kms:Decrypt');
      expect(actions.filter((action) => itemActions.includes(String(action)))).toEqual([]);
      const cfn = relay.function.node.defaultChild as CfnFunction;
      const variables = (Stack.of(relay).resolve(cfn.environment) as { variables?: object }).variables;
      expect(variables).not.toHaveProperty(tableNameVariable(manifest.name));
    }
  });

  it('allows events:PutEvents only to the relay, on the bus, for the service’s own source and the audit source', () => {
    for (const manifest of manifests) {
      const service = serviceOf(manifest.name);
      const policy = service.relay.role.policy;
      const document = Stack.of(policy as never).resolve(policy?.document) as {
        Statement: { Action: unknown; Condition?: unknown }[];
      };
      const putEvents = document.Statement.filter((statement) => statement.Action === 'events:PutEvents');
      const sources = relaySources(manifest);
      expect(sources).toContain(`carelink.${manifest.name}`);
      if (manifest.routes.length > 0) expect(sources).toContain(AccessRecordedV1.source);
      expect(putEvents).toEqual([
        expect.objectContaining({
          Condition: { StringEquals: { 'events:source': sources.length === 1 ? sources[0] : sources } },
        }),
      ]);
      for (const [id, fn] of service.functions) {
        if (fn === service.relay) continue;
        const other = Stack.of(fn).resolve(fn.role.policy?.document) as { Statement: { Action: unknown }[] };
        expect(
          other.Statement.some((s) => JSON.stringify(s.Action).includes('events:')),
          `${manifest.name}/${id}`,
        ).toBe(false);
      }
    }
  });

  it('schedules each manifest schedule in its time zone, with the scheduled-time input and a DLQ', () => {
    for (const manifest of manifests) {
      const template = templateOf(manifest.name);
      for (const schedule of manifest.schedules) {
        template.hasResourceProperties('AWS::Scheduler::Schedule', {
          Name: `carelink-prod-${manifest.name}-${schedule.name}`,
          ScheduleExpression: schedule.expression,
          ScheduleExpressionTimezone: schedule.timeZone,
          Target: Match.objectLike({
            Input: scheduleInput(schedule.name),
            DeadLetterConfig: { Arn: Match.anyValue() },
          }),
        });
      }
      template.resourceCountIs('AWS::Scheduler::Schedule', manifest.schedules.length);
    }
  });

  it('alarms to the topic on every DLQ, function errors and throttles, queue age and API 5xx', () => {
    for (const manifest of manifests) {
      const template = templateOf(manifest.name);
      const service = serviceOf(manifest.name);
      const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm'));
      for (const alarm of alarms) expect(alarm.Properties?.AlarmActions).toHaveLength(1);
      const api5xxAlarms = Math.ceil(manifest.routes.length / 10);
      expect(alarms).toHaveLength(
        service.deadLetterQueues.length +
          service.functions.size * 2 +
          service.subscriptions.length +
          api5xxAlarms,
      );
      for (const dlq of service.deadLetterQueues) {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Threshold: 0,
          Dimensions: [
            {
              Name: 'QueueName',
              Value: { 'Fn::GetAtt': [logicalId(manifest.name, dlq.node.defaultChild), 'QueueName'] },
            },
          ],
        });
      }
      if (manifest.routes.length > 0) {
        // Named by API and stage name, not by reference: the API stack depends on this one.
        expect(JSON.stringify(resourcesOf(template, 'AWS::CloudWatch::Alarm'))).toContain(
          '{"Name":"ApiName","Value":"carelink-prod"}',
        );
      }
    }
  });
});

describe('the prod edge', () => {
  const { apiTemplate: template, platformTemplate, serviceTemplates } = synthesizeCarelink(fixtureManifests);

  it('puts WAF with the common and known-bad-inputs rule groups in front of the stage, with logging', () => {
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: Match.arrayWith([
        Match.objectLike({
          Statement: {
            ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' },
          },
        }),
        Match.objectLike({
          Statement: {
            ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' },
          },
        }),
      ]),
    });
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
    template.resourceCountIs('AWS::WAFv2::LoggingConfiguration', 1);
  });

  it('keeps partners out of the templates: their clients are data the directory creates', () => {
    template.resourceCountIs('AWS::ApiGateway::UsagePlan', 0);
    template.resourceCountIs('AWS::ApiGateway::ApiKey', 0);
    const names = Object.values(resourcesOf(platformTemplate, 'AWS::Cognito::UserPoolClient')).map(
      (resource) => resource.Properties?.ClientName,
    );
    expect(names.sort()).toEqual(['carelink-console', 'carelink-operator']);
  });

  it('logs access as JSON to an encrypted log group and keeps execution logs free of bodies', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('^\\{') },
      MethodSettings: [Match.objectLike({ DataTraceEnabled: false, LoggingLevel: 'ERROR' })],
    });
    for (const stackTemplate of [template, platformTemplate, ...serviceTemplates.values()]) {
      for (const group of Object.values(resourcesOf(stackTemplate, 'AWS::Logs::LogGroup'))) {
        expect(group.Properties).toMatchObject({ KmsKeyId: expect.anything(), RetentionInDays: 2192 });
      }
    }
  });

  it('encrypts the bus, archive and alarm topic with the rotating customer-managed key', () => {
    platformTemplate.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    platformTemplate.hasResourceProperties('AWS::Events::EventBus', { KmsKeyIdentifier: Match.anyValue() });
    platformTemplate.hasResourceProperties('AWS::Events::Archive', {
      RetentionDays: 365,
      KmsKeyIdentifier: Match.anyValue(),
    });
    platformTemplate.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });

  it('answers gateway errors as problem details, e.g. a missing or invalid token', () => {
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'UNAUTHORIZED',
      ResponseParameters: { 'gatewayresponse.header.Content-Type': "'application/problem+json'" },
    });
    const unauthorized = Object.values(resourcesOf(template, 'AWS::ApiGateway::GatewayResponse')).find(
      (resource) => resource.Properties?.ResponseType === 'UNAUTHORIZED',
    );
    const body = JSON.parse(
      (unauthorized?.Properties?.ResponseTemplates as Record<string, string> | undefined)?.[
        'application/json'
      ] ?? '',
    );
    expect(Problem.parse(body)).toEqual({
      type: 'https://carelink.dev/problems/unauthorized',
      title: 'Authentication is required',
      status: 401,
      correlationId: '$context.requestId',
    });
    for (const type of ['ACCESS_DENIED', 'DEFAULT_4XX', 'DEFAULT_5XX', 'THROTTLED', 'REQUEST_TOO_LARGE']) {
      template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: type,
        ResponseParameters: { 'gatewayresponse.header.Content-Type': "'application/problem+json'" },
        ResponseTemplates: { 'application/json': Match.stringLikeRegexp('carelink.dev/problems/') },
      });
    }
    // A status API Gateway does not pick itself is set, so the body and the status agree.
    for (const { type, problem: problemType, overrideStatus } of gatewayProblems) {
      const status = String(problemTypes[problemType].status);
      template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: type.responseType,
        ...(overrideStatus ? { StatusCode: status } : {}),
      });
    }
  });

  it('retains data in prod', () => {
    for (const stackTemplate of serviceTemplates.values()) {
      stackTemplate.hasResource('AWS::DynamoDB::GlobalTable', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
      });
    }
    platformTemplate.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
    platformTemplate.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
  });
});

describe('the dev stage', () => {
  const { serviceTemplates } = synthesizeCarelink(fixtureManifests, 'dev');

  it('lets tables go with the stack and turns deletion protection off', () => {
    for (const template of serviceTemplates.values()) {
      template.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
      template.allResourcesProperties('AWS::DynamoDB::GlobalTable', {
        Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })],
      });
    }
  });
});
