import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { consoleContentSecurityPolicy } from '../../packages/console/security-headers';
import type { StageConfig } from '../config/stages';
import { loggedWebAcl } from '../constructs/web-acl';
import type { PlatformStack } from './platform-stack';

export interface ConsoleStackProps extends StackProps {
  readonly stage: StageConfig;
  readonly platform: PlatformStack;
  /** The REST API's base URL: the only other origin the console may call. */
  readonly apiUrl: string;
}

/**
 * The care-team console: a private S3 bucket served through CloudFront with origin access control,
 * a CloudFront WAF, and the security headers the local server sends too (CSP without inline scripts,
 * HSTS, no framing). `npm run deploy:console` uploads the build and its `console-config.json`.
 */
export class ConsoleStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    const { stage } = props;
    if (stage.region !== 'us-east-1')
      throw new Error('The console stack must be in us-east-1: CloudFront web ACLs exist only there');
    const removalPolicy = stage.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      enforceSSL: true,
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(stage.logRetentionDays) }],
      removalPolicy,
    });
    // Its own key: CloudFront's origin access control is granted decrypt on it by the origin below.
    const key = new kms.Key(this, 'Key', {
      description: `Carelink ${stage.name} console bucket`,
      enableKeyRotation: true,
      removalPolicy,
    });
    this.bucket = new s3.Bucket(this, 'Site', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy,
      autoDeleteObjects: false,
    });

    const cognitoDomain = `https://${stage.authDomainPrefix}.auth.${stage.region}.amazoncognito.com`;
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      responseHeadersPolicyName: `carelink-${stage.name}-console`,
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: consoleContentSecurityPolicy([props.apiUrl, cognitoDomain]),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Carelink ${stage.name} care-team console`,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
      },
      defaultRootObject: 'index.html',
      // Page paths (/patients/{id}) are the app's routes: the bucket has no such object.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
      webAclId: this.webAcl(stage, props.platform, removalPolicy).attrArn,
      enableLogging: true,
      logBucket: accessLogs,
      logFilePrefix: 'cloudfront/',
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      geoRestriction: cloudfront.GeoRestriction.allowlist('US'),
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'Until the stage names a custom domain and its ACM certificate, the distribution answers on its cloudfront.net name, whose default certificate CloudFront serves with its own TLS policy; the console is reached only through the stage console URL once the domain is attached.',
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket receives the access logs of the console bucket and distribution; logging it would loop.',
    });
    Validations.of(accessLogs).acknowledge(
      {
        id: 'HIPAA.Security-S3BucketLoggingEnabled',
        reason: 'This is the access-log bucket itself: logging the bucket that receives the logs would loop.',
      },
      {
        id: 'HIPAA.Security-S3DefaultEncryptionKMS',
        reason:
          'S3 server access logging delivers only to buckets encrypted with SSE-S3 (AES-256), not SSE-KMS; the logs hold request metadata, no PHI.',
      },
      {
        id: 'HIPAA.Security-S3BucketReplicationEnabled',
        reason: 'Access logs are kept for the retention period in one region; they hold no PHI.',
      },
    );
    Validations.of(this.bucket).acknowledge({
      id: 'HIPAA.Security-S3BucketReplicationEnabled',
      reason:
        'The bucket holds the console build only (no PHI); it is rebuilt from source by npm run deploy:console.',
    });

    new CfnOutput(this, 'ConsoleBucket', { value: this.bucket.bucketName });
    new CfnOutput(this, 'ConsoleDistributionId', { value: this.distribution.distributionId });
    new CfnOutput(this, 'ConsoleDomain', { value: this.distribution.distributionDomainName });
    new CfnOutput(this, 'ConsoleConfig', {
      value: Stack.of(this).toJsonString({
        authorizeUrl: `${cognitoDomain}/oauth2/authorize`,
        tokenUrl: `${cognitoDomain}/oauth2/token`,
        logoutUrl: `${cognitoDomain}/logout`,
        clientId: props.platform.consoleClient.userPoolClientId,
        apiUrl: props.apiUrl,
      }),
      description: 'The console-config.json npm run deploy:console uploads beside the build',
    });
  }

  private webAcl(stage: StageConfig, platform: PlatformStack, removalPolicy: RemovalPolicy): wafv2.CfnWebACL {
    return loggedWebAcl(this, {
      name: `carelink-${stage.name}-console`,
      scope: 'CLOUDFRONT',
      stage,
      key: platform.key,
      removalPolicy,
      logGroupName: `aws-waf-logs-carelink-${stage.name}-console`,
      redactedHeaders: ['authorization'],
    });
  }
}
