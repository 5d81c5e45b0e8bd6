import type { Scope } from '@carelink/contracts';
import { StaffRole } from '@carelink/contracts';
import { PartnerScope } from '@carelink/contracts/api/directory';
import { ArnFormat, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';
import { physicalName } from '../constructs/naming';

/** Token scopes read `carelink/<scope>`, e.g. `carelink/referrals:read`. */
export const resourceServerIdentifier = 'carelink';

export interface PlatformStackProps extends StackProps {
  readonly stage: StageConfig;
  /** Every scope any route requires; the resource server defines these (plus partner grants). */
  readonly routeScopes: readonly Scope[];
  /**
   * The service whose manifest declares the pre-token-generation trigger (the directory): the pool
   * invokes its function by name. None: tokens carry no claims beyond Cognito's own.
   */
  readonly tokenTriggerService?: string;
}

/** The fixed name of a service's pre-token-generation function in a stage. */
export function tokenTriggerFunctionName(stage: Pick<StageConfig, 'name'>, service: string): string {
  return physicalName([`carelink-${stage.name}`, service, 'pre-token-generation'], 64);
}

/**
 * The long-lived, shared and stateful part of Carelink: the KMS key, the event bus and its archive,
 * the Cognito user pool with the operator's client, the patient-key pepper, the backup vault and the alarm topic. Services and
 * the API live in the application stack, which can be replaced without touching any of these.
 */
export class PlatformStack extends Stack {
  readonly key: kms.Key;
  readonly eventBus: events.EventBus;
  readonly archive: events.Archive;
  readonly userPool: cognito.UserPool;
  readonly resourceServer: cognito.UserPoolResourceServer;
  /** The operator's client: the only holder of `platform-admin`. Partners' clients are data. */
  readonly operatorClient: cognito.UserPoolClient;
  /**
   * The care-team console's public client: people sign in through it (authorization code + PKCE in
   * the browser, or the SDK's password + TOTP flow); no secret, as a browser app cannot keep one.
   */
  readonly consoleClient: cognito.UserPoolClient;
  /** The pepper patient keys are computed under; read by the functions that key patients. */
  readonly patientKeySecret: secretsmanager.Secret;
  /** Pages for urgent risk flags; the practice's on-call people subscribe to it (SMS, e-mail, paging tools). */
  readonly onCallTopic: sns.Topic;
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

    // Partner clients are created at run time by the directory; the pool defines every scope they may hold.
    this.scopes = [...new Set<string>([...props.routeScopes, ...PartnerScope.options])].sort();
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
    const operatorScopes = ['platform-admin', 'staff-admin'].filter((name) => scopeObjects.has(name));
    this.operatorClient = this.userPool.addClient('Operator', {
      userPoolClientName: 'carelink-operator',
      generateSecret: true,
      authFlows: { adminUserPassword: false, custom: false, userPassword: false, userSrp: false },
      oAuth: {
        flows: { clientCredentials: true },
        scopes: operatorScopes.map((scopeName) =>
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
    // Groups = roles: people are placed in them by the directory, and their tokens list them.
    for (const role of StaffRole.options)
      new cognito.CfnUserPoolGroup(
        this,
        `Group${role.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}`,
        {
          userPoolId: this.userPool.userPoolId,
          groupName: role,
          description: `Carelink ${role}`,
        },
      );
    this.consoleClient = this.userPool.addClient('Console', {
      userPoolClientName: 'carelink-console',
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true, adminUserPassword: false, custom: false },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL],
        // The console receives the code on /callback and lands on /signed-out.html after sign-out.
        callbackUrls: stage.consoleUrls.map((url) => new URL('callback', url).toString()),
        logoutUrls: stage.consoleUrls.map((url) => new URL('signed-out.html', url).toString()),
      },
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
    });
    if (props.tokenTriggerService)
      this.useTokenTrigger(tokenTriggerFunctionName(stage, props.tokenTriggerService));

    this.patientKeySecret = new secretsmanager.Secret(this, 'PatientKeyPepper', {
      secretName: `carelink/${stage.name}/patient-key-pepper`,
      description: 'Pepper of the patient key (HMAC-SHA256 of the normalised MBI); never leaves the platform',
      encryptionKey: this.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const noRotation =
      'Rotating the pepper would change every patient key and split each person in two; it is retained and read-only to the functions that key patients.';
    Validations.of(this.patientKeySecret).acknowledge(
      { id: 'AwsSolutions-SMG4', reason: noRotation },
      { id: 'HIPAA.Security-SecretsManagerRotationEnabled', reason: noRotation },
    );

    this.onCallTopic = new sns.Topic(this, 'OnCallTopic', {
      topicName: `carelink-${stage.name}-on-call`,
      displayName: `Carelink ${stage.name} on-call`,
      masterKey: this.key,
      enforceSSL: true,
    });

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
   * Points the pool's pre-token-generation trigger (event version 3, which customises
   * client-credentials tokens) at a service's function by its fixed name: the service stack deploys
   * after this one, so the pool cannot reference the function itself. The service grants the pool
   * permission to invoke it.
   */
  private useTokenTrigger(functionName: string): void {
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
    // The invoke permission lives with the function, in the service stack.
    this.userPool.node.tryRemoveChild('PreTokenGenerationConfigCognito');
  }
}
