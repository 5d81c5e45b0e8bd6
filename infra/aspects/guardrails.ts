import { type IAspect, Stack, Token, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { functionArchitecture, functionRuntime } from '../constructs/service-function';

const deadLetterQueues = new WeakSet<IConstruct>();

/** Declares that a queue exists to hold failures (of Lambda, a stream, the scheduler, or a queue). */
export function markAsDeadLetterQueue(queue: sqs.IQueue): void {
  deadLetterQueues.add(queue);
}

function isMarkedDeadLetterQueue(node: sqs.CfnQueue): boolean {
  return (
    deadLetterQueues.has(node) || (node.node.scope !== undefined && deadLetterQueues.has(node.node.scope))
  );
}

function isRedriveTarget(node: sqs.CfnQueue): boolean {
  const stack = Stack.of(node);
  const arn = stack.resolve(node.attrArn);
  return stack.node
    .findAll()
    .some(
      (other) =>
        other instanceof sqs.CfnQueue &&
        other !== node &&
        JSON.stringify(stack.resolve(other.redrivePolicy)?.deadLetterTargetArn) === JSON.stringify(arn),
    );
}

export const guardrailIds = {
  queueWithoutDeadLetterQueue: 'Carelink-QueueDeadLetter',
  logGroupUnprotected: 'Carelink-LogGroupProtection',
  functionDefaults: 'Carelink-FunctionDefaults',
} as const;

/**
 * Platform defaults checked on every resource of the app, whoever added it: every SQS queue has a
 * dead-letter queue or is one; every log group has a retention and the KMS key; every Lambda function
 * runs Node.js 24 on ARM64 with active tracing. A breach is a synth error naming the resource.
 */
export class Guardrails implements IAspect {
  visit(node: IConstruct): void {
    if (node instanceof sqs.CfnQueue) {
      if (node.redrivePolicy === undefined && !isMarkedDeadLetterQueue(node) && !isRedriveTarget(node)) {
        Validations.of(node).addError(
          guardrailIds.queueWithoutDeadLetterQueue,
          'SQS queue has no dead-letter queue and is not one: give it a redrive policy or mark it with markAsDeadLetterQueue',
        );
      }
    } else if (node instanceof logs.CfnLogGroup) {
      if (node.retentionInDays === undefined || node.kmsKeyId === undefined) {
        Validations.of(node).addError(
          guardrailIds.logGroupUnprotected,
          'log group needs a retention period and the platform KMS key',
        );
      }
    } else if (node instanceof lambda.CfnFunction) {
      const runtime = node.runtime;
      const architectures = node.architectures ?? [];
      const tracing = Stack.of(node).resolve(node.tracingConfig)?.mode;
      const ok =
        runtime !== undefined &&
        !Token.isUnresolved(runtime) &&
        runtime === functionRuntime.name &&
        architectures.length === 1 &&
        architectures[0] === functionArchitecture.name &&
        tracing === 'Active';
      if (!ok) {
        Validations.of(node).addError(
          guardrailIds.functionDefaults,
          `Lambda functions run ${functionRuntime.name} on ${functionArchitecture.name} with active X-Ray tracing`,
        );
      }
    }
  }
}
