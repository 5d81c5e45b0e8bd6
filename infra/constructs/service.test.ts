import { type ServiceManifest, subscriptionPattern } from '@carelink/contracts';
import { deadLetterQueueName } from '@carelink/lambda-kit/events/dead-letters';
import { tableNameVariable } from '@carelink/lambda-kit/runtime';
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { serviceManifests } from '../../services/manifests';
import { resourceServerIdentifier } from '../stacks/platform-stack';
import { fixtureManifests } from '../test-fixtures/manifests';
import { synthesizeCarelink } from '../test-fixtures/synth';
import { apiMethods, referencedIds, resourcesOf } from '../test-fixtures/template-queries';
import { scheduleInput } from './service';

const cases: [string, readonly ServiceManifest[]][] = [
  ['the fixture services', fixtureManifests],
  ['the registered services', serviceManifests],
];

describe.each(cases)('%s', (_label, manifests) => {
  const carelink = synthesizeCarelink(manifests);
  const { application, applicationTemplate: template } = carelink;
  const logicalId = (element: unknown) => application.getLogicalId(element as CfnElement);
  const tableIdOf = new Map(
    [...application.services].map(([name, service]) => [name, logicalId(service.table.node.defaultChild)]),
  );

  it('gives every service its own table with PITR, SSE-KMS, the stream, TTL and the manifest indexes', () => {
    const tables = resourcesOf(template, 'AWS::DynamoDB::GlobalTable');
    expect(Object.keys(tables).sort()).toEqual([...tableIdOf.values()].sort());
    for (const manifest of manifests) {
      const table = tables[tableIdOf.get(manifest.name) as string];
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
    }
    template.resourcePropertiesCountIs(
      'AWS::Backup::BackupSelection',
      Match.objectLike({ BackupSelection: Match.objectLike({ Resources: Match.anyValue() }) }),
      manifests.length,
    );
  });

  it('runs every function on Node.js 24, ARM64, with tracing, reserved concurrency and a DLQ', () => {
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
  });

  it('deploys one function per route handler, subscription and schedule, plus the relay', () => {
    const expected = manifests.reduce(
      (count, m) =>
        count +
        new Set(m.routes.map((r) => r.handler)).size +
        m.subscriptions.length +
        m.schedules.length +
        1,
      0,
    );
    template.resourceCountIs('AWS::Lambda::Function', expected);
  });

  it('gives every queue a dead-letter queue unless it is one', () => {
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
  });

  it('feeds each subscription from an EventBridge rule through its queue, with the DLQ naming convention', () => {
    for (const manifest of manifests) {
      const service = application.services.get(manifest.name);
      for (const subscription of manifest.subscriptions) {
        const resources = service?.subscriptions.find((s) => s.name === subscription.name);
        expect(resources, `${manifest.name}/${subscription.name}`).toBeDefined();
        if (!resources) continue;
        const queueName = `carelink-prod-${manifest.name}-${subscription.name}`;
        template.hasResourceProperties('AWS::SQS::Queue', {
          QueueName: queueName,
          VisibilityTimeout: subscription.visibilityTimeoutSeconds,
          RedrivePolicy: {
            deadLetterTargetArn: {
              'Fn::GetAtt': [logicalId(resources.deadLetterQueue.node.defaultChild), 'Arn'],
            },
            maxReceiveCount: subscription.maxReceiveCount,
          },
        });
        template.hasResourceProperties('AWS::SQS::Queue', { QueueName: deadLetterQueueName(queueName) });
        const pattern = subscriptionPattern(subscription);
        template.hasResourceProperties('AWS::Events::Rule', {
          EventPattern: { source: pattern.source, 'detail-type': pattern['detail-type'] },
          Targets: [
            Match.objectLike({
              Arn: { 'Fn::GetAtt': [logicalId(resources.queue.node.defaultChild), 'Arn'] },
              DeadLetterConfig: Match.anyValue(),
            }),
          ],
        });
        template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
          EventSourceArn: { 'Fn::GetAtt': [logicalId(resources.queue.node.defaultChild), 'Arn'] },
          BatchSize: subscription.batchSize,
          FunctionResponseTypes: ['ReportBatchItemFailures'],
        });
      }
    }
  });

  it('relays outbox inserts from each table stream, filtered, bisected, bounded and with a failure queue', () => {
    for (const manifest of manifests) {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [tableIdOf.get(manifest.name), 'StreamArn'] },
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

  it('exposes exactly the manifests’ routes, each with its contract scopes', () => {
    const expected = new Map<string, string[]>();
    for (const manifest of manifests) {
      for (const route of manifest.routes) {
        expected.set(
          `${route.contract.method} ${route.contract.path}`,
          route.contract.scopes.map((scope) => `${resourceServerIdentifier}/${scope}`).sort(),
        );
      }
    }
    expect(apiMethods(template)).toEqual(expected);
    for (const method of Object.values(resourcesOf(template, 'AWS::ApiGateway::Method'))) {
      expect(method.Properties).toMatchObject({
        AuthorizationType: 'COGNITO_USER_POOLS',
        RequestValidatorId: expect.anything(),
        Integration: { Type: 'AWS_PROXY' },
      });
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

  it('lets no function touch another service’s table, and sets each function’s own table variable', () => {
    const functions = resourcesOf(template, 'AWS::Lambda::Function');
    const policies = resourcesOf(template, 'AWS::IAM::ManagedPolicy');
    const allTables = new Set(tableIdOf.values());
    for (const fn of Object.values(functions)) {
      const environment = fn.Properties?.Environment as { Variables: Record<string, unknown> } | undefined;
      const variables = environment?.Variables ?? {};
      const service = variables.POWERTOOLS_SERVICE_NAME as ServiceManifest['name'];
      const ownTable = tableIdOf.get(service);
      expect(variables[tableNameVariable(service)]).toEqual({ Ref: ownTable });
      const roleId = [...referencedIds(fn.Properties?.Role)][0];
      const attached = Object.values(policies).filter((policy) =>
        referencedIds(policy.Properties?.Roles).has(roleId ?? ''),
      );
      expect(attached).toHaveLength(1);
      const tablesReached = [...referencedIds(attached[0]?.Properties?.PolicyDocument)].filter((id) =>
        allTables.has(id),
      );
      expect(new Set(tablesReached)).toEqual(new Set([ownTable]));
    }
  });

  it('allows events:PutEvents only to the relay, on the bus, for the service’s own source', () => {
    for (const [name, service] of application.services) {
      const policy = service.relay.role.policy;
      const document = Stack.of(policy as never).resolve(policy?.document) as {
        Statement: { Action: unknown; Condition?: unknown }[];
      };
      const putEvents = document.Statement.filter((statement) => statement.Action === 'events:PutEvents');
      expect(putEvents).toEqual([
        expect.objectContaining({ Condition: { StringEquals: { 'events:source': `carelink.${name}` } } }),
      ]);
      for (const [id, fn] of service.functions) {
        if (fn === service.relay) continue;
        const other = Stack.of(fn).resolve(fn.role.policy?.document) as { Statement: { Action: unknown }[] };
        expect(
          other.Statement.some((s) => JSON.stringify(s.Action).includes('events:')),
          `${name}/${id}`,
        ).toBe(false);
      }
    }
  });

  it('schedules each manifest schedule in its time zone, with the scheduled-time input and a DLQ', () => {
    for (const manifest of manifests) {
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
    }
    template.resourceCountIs(
      'AWS::Scheduler::Schedule',
      manifests.reduce((count, m) => count + m.schedules.length, 0),
    );
  });

  it('alarms to the topic on every DLQ, function errors and throttles, queue age and API 5xx', () => {
    const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm'));
    for (const alarm of alarms) {
      expect(alarm.Properties?.AlarmActions).toHaveLength(1);
    }
    const dlqs = [...application.services.values()].flatMap((s) => s.deadLetterQueues);
    const functions = [...application.services.values()].flatMap((s) => [...s.functions.values()]);
    const subscriptions = [...application.services.values()].flatMap((s) => s.subscriptions);
    const withRoutes = manifests.filter((m) => m.routes.length > 0).length;
    expect(alarms).toHaveLength(dlqs.length + functions.length * 2 + subscriptions.length + withRoutes);
    for (const dlq of dlqs) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Threshold: 0,
        Dimensions: [
          { Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(dlq.node.defaultChild), 'QueueName'] } },
        ],
      });
    }
  });
});

describe('the prod edge', () => {
  const { applicationTemplate: template, platformTemplate } = synthesizeCarelink(fixtureManifests);

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

  it('gives each partner a usage plan with throttling and quota, an API key and a client-credentials client', () => {
    template.resourceCountIs('AWS::ApiGateway::UsagePlan', 2);
    template.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      UsagePlanName: 'carelink-prod-northwind-health',
      Throttle: { RateLimit: 20, BurstLimit: 40 },
      Quota: { Limit: 50_000, Period: 'DAY' },
    });
    platformTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'partner-lakeside-clinics',
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
    });
    const client = Object.values(resourcesOf(platformTemplate, 'AWS::Cognito::UserPoolClient')).find(
      (resource) => resource.Properties?.ClientName === 'partner-lakeside-clinics',
    );
    const granted = JSON.stringify(client?.Properties?.AllowedOAuthScopes);
    expect(granted).toContain('/referrals:read');
    expect(granted).toContain('/referrals:write');
    expect(granted).not.toContain('webhooks:manage');
  });

  it('logs access as JSON to an encrypted log group and keeps execution logs free of bodies', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('^\\{') },
      MethodSettings: [Match.objectLike({ DataTraceEnabled: false, LoggingLevel: 'ERROR' })],
    });
    for (const group of Object.values(resourcesOf(template, 'AWS::Logs::LogGroup'))) {
      expect(group.Properties).toMatchObject({ KmsKeyId: expect.anything(), RetentionInDays: 2192 });
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

  it('retains data in prod', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    platformTemplate.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
    platformTemplate.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
  });
});

describe('the dev stage', () => {
  const { applicationTemplate: template } = synthesizeCarelink(fixtureManifests, 'dev');

  it('lets tables go with the stack and turns deletion protection off', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
    template.allResourcesProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })],
    });
  });
});
