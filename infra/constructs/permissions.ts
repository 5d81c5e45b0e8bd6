import type { ServiceName } from '@carelink/contracts';
import { tableNameVariable } from '@carelink/lambda-kit/runtime';
import { Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';

/** Item-level actions a service needs on its own table (transactions use these same actions). */
const tableDataActions = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
];

/**
 * Key use limited to requests that AWS services make on the caller's behalf (`kms:ViaService`), so
 * a function can use the key through DynamoDB or SQS but cannot call KMS with it directly.
 */
export function keyUseStatement(key: kms.IKey, actions: readonly string[], viaServices: readonly string[]) {
  const region = Stack.of(key).region;
  return new iam.PolicyStatement({
    actions: [...actions],
    resources: [key.keyArn],
    conditions: {
      StringEquals: { 'kms:ViaService': viaServices.map((service) => `${service}.${region}.amazonaws.com`) },
    },
  });
}

export interface ServiceTable {
  readonly service: ServiceName;
  readonly table: dynamodb.ITableV2;
  readonly key: kms.IKey;
  /** GSI names; each is granted by name, never `index/*`. */
  readonly indexNames: readonly string[];
}

/**
 * Gives a function read/write on its service's table (the table and its named indexes only) and sets
 * the variable the handlers read the table name from, so the two can never disagree.
 */
export function grantServiceTable(fn: lambda.Function, target: ServiceTable): void {
  fn.addEnvironment(tableNameVariable(target.service), target.table.tableName);
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions: tableDataActions,
      resources: [
        target.table.tableArn,
        ...target.indexNames.map((index) => `${target.table.tableArn}/index/${index}`),
      ],
    }),
  );
  fn.addToRolePolicy(
    keyUseStatement(
      target.key,
      ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
      ['dynamodb'],
    ),
  );
}

/**
 * Lets a stream consumer decrypt the records of a table encrypted with its own key, and nothing
 * else: the event source mapping grants the stream reads, and the function never touches items.
 */
export function grantStreamDecrypt(fn: lambda.Function, target: ServiceTable): void {
  fn.addToRolePolicy(keyUseStatement(target.key, ['kms:Decrypt'], ['dynamodb']));
}

/**
 * `events:PutEvents` on the one bus, and only for entries whose `source` is one of those listed
 * (`events:source` is single-valued per entry, so `StringEquals` with a list admits any of them).
 */
export function grantPutEventsAsSource(
  grantee: iam.IGrantable,
  bus: events.IEventBus,
  sources: string | readonly string[],
): void {
  const list = typeof sources === 'string' ? [sources] : [...sources];
  if (list.length === 0) throw new Error('grantPutEventsAsSource needs at least one source');
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['events:PutEvents'],
      resources: [bus.eventBusArn],
      conditions: { StringEquals: { 'events:source': list.length === 1 ? list[0] : list } },
    }),
  );
}

/** `sqs:SendMessage` on one queue, with the key use SQS needs to encrypt the message. */
export function grantSendToQueue(grantee: iam.IGrantable, queue: sqs.IQueue, key: kms.IKey): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }),
  );
  grantee.grantPrincipal.addToPrincipalPolicy(
    keyUseStatement(key, ['kms:Decrypt', 'kms:GenerateDataKey'], ['sqs']),
  );
}
