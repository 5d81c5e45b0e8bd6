import { localCredentials, localRegion } from './dynamodb/launcher';

/**
 * Points the AWS SDK at local endpoints through its standard variables, so production code runs
 * unchanged against DynamoDB Local and the local bus.
 */
export function useLocalAws(endpoints: { dynamodb: string; eventBridge?: string; sqs?: string }): void {
  process.env.AWS_REGION = localRegion;
  process.env.AWS_ACCESS_KEY_ID = localCredentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = localCredentials.secretAccessKey;
  process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoints.dynamodb;
  if (endpoints.eventBridge) process.env.AWS_ENDPOINT_URL_EVENTBRIDGE = endpoints.eventBridge;
  if (endpoints.sqs) process.env.AWS_ENDPOINT_URL_SQS = endpoints.sqs;
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
}
