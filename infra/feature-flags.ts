/**
 * CDK feature flags of the Carelink app, shared by the CLI entry point and the tests so both
 * synthesize the same templates.
 */
export const featureFlags = {
  // EventBridge may use the key of an encrypted target queue only for rules of this account.
  '@aws-cdk/aws-events:eventsTargetQueueSameAccount': true,
  '@aws-cdk/aws-iam:minimizePolicies': true,
  // The application stack imports the key, bus, user pool and topic; keep exports protected.
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
  '@aws-cdk/core:target-partitions': ['aws'],
} as const;
