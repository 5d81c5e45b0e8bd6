import type { Scope } from '@carelink/contracts';
import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { Partner } from '../config/partners';
import type { StageConfig } from '../config/stages';

/** Token scopes read `carelink/<scope>`, e.g. `carelink/referrals:read`. */
export const resourceServerIdentifier = 'carelink';

export interface PlatformStackProps extends StackProps {
  readonly stage: StageConfig;
  readonly partners: readonly Partner[];
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
    this.scopes = [...new Set<string>([...props.routeScopes, ...partnerHeld])].sort();
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

    for (const partner of props.partners) {
      // Client credentials only; Cognito generates the secret and nothing here stores it.
      const client = this.userPool.addClient(`Partner-${partner.tenantId}`, {
        userPoolClientName: `partner-${partner.tenantId}`,
        generateSecret: true,
        authFlows: { adminUserPassword: false, custom: false, userPassword: false, userSrp: false },
        oAuth: {
          flows: { clientCredentials: true },
          scopes: partner.scopes.map((name) =>
            cognito.OAuthScope.resourceServer(
              this.resourceServer,
              scopeObjects.get(name) as cognito.ResourceServerScope,
            ),
          ),
        },
        accessTokenValidity: Duration.hours(1),
        enableTokenRevocation: true,
        preventUserExistenceErrors: true,
      });
      this.partnerClients.set(partner.tenantId, client);
    }

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
}
