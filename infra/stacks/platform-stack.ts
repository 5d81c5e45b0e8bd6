import { fileURLToPath } from 'node:url';
import type { Scope } from '@carelink/contracts';
import { ArnFormat, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { Partner } from '../config/partners';
import type { StaffClient } from '../config/staff-clients';
import type { StageConfig } from '../config/stages';
import { physicalName } from '../constructs/naming';
import { ServiceFunction } from '../constructs/service-function';
import { type ClientClaimsEntry, clientClaimsVariable } from '../functions/pre-token-generation';

/** The Cognito pre token generation trigger (adds tenant, practice and role claims). */
export const preTokenGenerationEntry = fileURLToPath(
  new URL('../functions/pre-token-generation.ts', import.meta.url),
);

/** Token scopes read `carelink/<scope>`, e.g. `carelink/referrals:read`. */
export const resourceServerIdentifier = 'carelink';

export interface PlatformStackProps extends StackProps {
  readonly stage: StageConfig;
  readonly partners: readonly Partner[];
  readonly staffClients: readonly StaffClient[];
  /** Every scope any route requires; the resource server defines these (plus partner grants). */
  readonly routeScopes: readonly Scope[];
}

/**
 * The long-lived, shared and stateful part of Carelink: the KMS key, the event bus and its archive,
 * the Cognito user pool with the partner clients, the backup vault and the alarm topic. Services and
 * the API live in the application stack, which can be replaced without touching any of these.
 */
export class PlatformStack extends Stack {
  readonly key: kms.Key;
  readonly eventBus: events.EventBus;
  readonly archive: events.Archive;
  readonly userPool: cognito.UserPool;
  readonly resourceServer: cognito.UserPoolResourceServer;
  readonly partnerClients = new Map<string, cognito.UserPoolClient>();
  readonly staffClients = new Map<string, cognito.UserPoolClient>();
  /** Adds `tenant_id` (and `practice_id`, `role` for staff clients) to access tokens. */
  readonly tokenClaims: ServiceFunction;
  readonly alarmTopic: sns.Topic;
  readonly backupVault: backup.BackupVault;
  readonly backupRole: iam.Role;
  readonly scopes: readonly string[];

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const retain = stage.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.key = new kms.Key(this, 'Key', {
      alias: `alias/carelink-${stage.name}`,
      description: 'Carelink data key: tables, queues, logs, events, alarms, backups',
      enableKeyRotation: true,
      removalPolicy: retain,
      pendingWindow: Duration.days(30),
    });
    // CloudWatch Logs encrypts log groups of this account and region only.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:log-group:*`,
          },
        },
      }),
    );
    // CloudWatch alarms publish to the encrypted alarm topic.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );

    this.eventBus = new events.EventBus(this, 'Bus', {
      eventBusName: `carelink-${stage.name}`,
      description: 'Carelink domain events',
      kmsKey: this.key,
    });
    this.archive = this.eventBus.archive('Archive', {
      archiveName: `carelink-${stage.name}`,
      description: 'Every Carelink domain event, for replay',
      eventPattern: { account: [this.account] },
      retention: Duration.days(stage.archiveRetentionDays),
      kmsKey: this.key,
    });

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `carelink-${stage.name}`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: stage.retainData,
      removalPolicy: retain,
    });
    this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: stage.authDomainPrefix } });

    const partnerHeld = props.partners.flatMap((partner) => partner.scopes);
    const staffHeld = props.staffClients.flatMap((client) => client.scopes);
    this.scopes = [...new Set<string>([...props.routeScopes, ...partnerHeld, ...staffHeld])].sort();
    const scopeObjects = new Map(
      this.scopes.map((name) => [
        name,
        new cognito.ResourceServerScope({ scopeName: name, scopeDescription: `Carelink ${name}` }),
      ]),
    );
    this.resourceServer = this.userPool.addResourceServer('ResourceServer', {
      identifier: resourceServerIdentifier,
      userPoolResourceServerName: 'Carelink API',
      scopes: [...scopeObjects.values()],
    });

    // Client credentials only; Cognito generates the secret and nothing here stores it.
    const machineClient = (id: string, name: string, scopeNames: readonly string[]) =>
      this.userPool.addClient(id, {
        userPoolClientName: name,
        generateSecret: true,
        authFlows: { adminUserPassword: false, custom: false, userPassword: false, userSrp: false },
        oAuth: {
          flows: { clientCredentials: true },
          scopes: scopeNames.map((scopeName) =>
            cognito.OAuthScope.resourceServer(
              this.resourceServer,
              scopeObjects.get(scopeName) as cognito.ResourceServerScope,
            ),
          ),
        },
        accessTokenValidity: Duration.hours(1),
        enableTokenRevocation: true,
        preventUserExistenceErrors: true,
      });
    const claims: ClientClaimsEntry[] = [];
    for (const partner of props.partners) {
      const client = machineClient(
        `Partner-${partner.tenantId}`,
        `partner-${partner.tenantId}`,
        partner.scopes,
      );
      this.partnerClients.set(partner.tenantId, client);
      claims.push({ clientId: client.userPoolClientId, claims: { tenant_id: partner.tenantId } });
    }
    for (const staff of props.staffClients) {
      const client = machineClient(`Staff-${staff.name}`, `staff-${staff.name}`, staff.scopes);
      this.staffClients.set(staff.name, client);
      claims.push({
        clientId: client.userPoolClientId,
        claims: { tenant_id: staff.tenantId, practice_id: staff.practiceId, role: staff.role },
      });
    }
    this.tokenClaims = this.createTokenClaimsTrigger(stage, claims, retain);

    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      topicName: `carelink-${stage.name}-alarms`,
      displayName: `Carelink ${stage.name} alarms`,
      masterKey: this.key,
      enforceSSL: true,
    });

    // Recovery points outlive any stack: the vault is always retained.
    this.backupVault = new backup.BackupVault(this, 'BackupVault', {
      encryptionKey: this.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.backupRole = new iam.Role(this, 'BackupRole', {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      description: 'AWS Backup taking scheduled backups of Carelink tables',
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSBackupServiceRolePolicyForBackup'),
      ],
    });
    Validations.of(this.backupRole).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        'AWS Backup documents this managed policy as the role for backup jobs; AWS keeps it current as services change, and the role can be assumed by AWS Backup only.',
    });
  }

  /**
   * The pre token generation trigger (event version 3, which customises client-credentials access
   * tokens). The function's environment holds the client → claims map, so it depends on the clients,
   * which depend on the pool; the pool therefore names the function by its fixed ARN rather than
   * referencing it, which would close a cycle. The pool's invoke permission, scoped to this pool, is
   * created after the function.
   */
  private createTokenClaimsTrigger(
    stage: StageConfig,
    claims: readonly ClientClaimsEntry[],
    removalPolicy: RemovalPolicy,
  ): ServiceFunction {
    const functionName = physicalName([`carelink-${stage.name}`, 'pre-token-generation'], 64);
    const trigger = new ServiceFunction(this, 'PreTokenGeneration', {
      service: 'identity',
      entry: preTokenGenerationEntry,
      functionName,
      description: 'Cognito pre token generation: tenant, practice and role claims of app clients',
      key: this.key,
      logRetentionDays: stage.logRetentionDays,
      removalPolicy,
      reservedConcurrency: stage.reservedConcurrency.api,
      timeout: Duration.seconds(5),
      memorySize: 256,
      environment: { [clientClaimsVariable]: this.toJsonString(claims) },
    });
    const byName = lambda.Function.fromFunctionAttributes(this, 'PreTokenGenerationByName', {
      functionArn: this.formatArn({
        service: 'lambda',
        resource: 'function',
        resourceName: functionName,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
      sameEnvironment: true,
      skipPermissions: true,
    });
    this.userPool.addTrigger(
      cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      byName,
      cognito.LambdaVersion.V3_0,
    );
    // The pool's invoke permission (scoped to this pool) names the function too: create it after the function.
    const permission = this.userPool.node.tryFindChild('PreTokenGenerationConfigCognito');
    if (!permission) throw new Error('the user pool created no invoke permission for its trigger');
    permission.node.addDependency(trigger.function);
    const reason =
      'Cognito invokes this trigger synchronously while issuing a token and fails the token request if it fails; there is no asynchronous invocation whose event a dead-letter queue could keep.';
    Validations.of(trigger.function).acknowledge(
      { id: 'HIPAA.Security-LambdaDLQ', reason },
      { id: 'Serverless-LambdaDLQ', reason },
    );
    return trigger;
  }
}
