import { ArnFormat, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';

export interface LoggedWebAclProps {
  readonly name: string;
  /** `REGIONAL` for the API, `CLOUDFRONT` for the console (created in us-east-1). */
  readonly scope: 'REGIONAL' | 'CLOUDFRONT';
  readonly stage: StageConfig;
  readonly key: kms.IKey;
  readonly removalPolicy: RemovalPolicy;
  /** WAF only delivers to log groups whose name starts with `aws-waf-logs-`. */
  readonly logGroupName: `aws-waf-logs-${string}`;
  /** Headers never written to the WAF logs (tokens, keys). */
  readonly redactedHeaders: readonly string[];
}

/**
 * Carelink's web ACL (AWS common rules, known bad inputs, a rate limit per IP from the stage) with
 * its logs in a KMS-encrypted log group, as the API and the console both use it.
 */
export function loggedWebAcl(scope: Construct, props: LoggedWebAclProps): wafv2.CfnWebACL {
  const visibility = (metricName: string) => ({
    cloudWatchMetricsEnabled: true,
    sampledRequestsEnabled: true,
    metricName,
  });
  const managed = (priority: number, ruleName: string) => ({
    name: ruleName,
    priority,
    overrideAction: { none: {} },
    statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: ruleName } },
    visibilityConfig: visibility(ruleName),
  });
  const webAcl = new wafv2.CfnWebACL(scope, 'WebAcl', {
    name: props.name,
    scope: props.scope,
    defaultAction: { allow: {} },
    visibilityConfig: visibility(props.name),
    rules: [
      managed(0, 'AWSManagedRulesCommonRuleSet'),
      managed(1, 'AWSManagedRulesKnownBadInputsRuleSet'),
      {
        name: 'RateLimitPerIp',
        priority: 2,
        action: { block: {} },
        statement: {
          rateBasedStatement: { limit: props.stage.wafRateLimitPer5Minutes, aggregateKeyType: 'IP' },
        },
        visibilityConfig: visibility('RateLimitPerIp'),
      },
    ],
  });
  const wafLogs = new logs.LogGroup(scope, 'WafLogs', {
    logGroupName: props.logGroupName,
    retention: props.stage.logRetentionDays as logs.RetentionDays,
    encryptionKey: props.key,
    removalPolicy: props.removalPolicy,
  });
  new wafv2.CfnLoggingConfiguration(scope, 'WafLogging', {
    resourceArn: webAcl.attrArn,
    // The log group ARN without the `:*` suffix CloudFormation's Arn attribute carries.
    logDestinationConfigs: [
      Stack.of(scope).formatArn({
        service: 'logs',
        resource: 'log-group',
        resourceName: wafLogs.logGroupName,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
    ],
    redactedFields: props.redactedHeaders.map((name) => ({ singleHeader: { Name: name } })),
  });
  return webAcl;
}
