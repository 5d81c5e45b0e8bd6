import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

/** Every subscription queue `<name>` has its dead-letter queue `<name>-dlq` (infra and local agree). */
export function deadLetterQueueName(queueName: string): string {
  return `${queueName}-dlq`;
}

/** The queue name from an SQS ARN (`arn:aws:sqs:region:account:name`). */
export function queueNameFromArn(arn: string): string {
  return arn.slice(arn.lastIndexOf(':') + 1);
}

/** The queue URL of an SQS ARN (region, account and name are all in the ARN). */
export function queueUrlFromArn(arn: string): string {
  const [, , , region, account, name] = arn.split(':');
  return `https://sqs.${region}.amazonaws.com/${account}/${name}`;
}

export interface DeadLetter {
  /** ARN of the queue the message came from; its DLQ receives it. */
  sourceQueueArn: string;
  body: string;
  reason: string;
  consumer: string;
}

/** Where messages that can never succeed (poison) go at once, with their reason attached. */
export interface DeadLetterSink {
  send(letter: DeadLetter): Promise<void>;
}

/**
 * Sends poison messages straight to the source queue's DLQ with a `reason` attribute, instead of
 * letting them burn through every retry. The reason names schema paths and codes, never values.
 */
export class SqsDeadLetterSink implements DeadLetterSink {
  constructor(
    // The queue URL names the queue, not the endpoint: keep the configured (or local) endpoint.
    private readonly sqs: SQSClient = new SQSClient({ useQueueUrlAsEndpoint: false }),
  ) {}

  async send(letter: DeadLetter): Promise<void> {
    const sourceUrl = queueUrlFromArn(letter.sourceQueueArn);
    const dlqUrl = `${sourceUrl.slice(0, sourceUrl.lastIndexOf('/') + 1)}${deadLetterQueueName(queueNameFromArn(letter.sourceQueueArn))}`;
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: dlqUrl,
        MessageBody: letter.body,
        MessageAttributes: {
          reason: { DataType: 'String', StringValue: letter.reason.slice(0, 1024) },
          consumer: { DataType: 'String', StringValue: letter.consumer },
        },
      }),
    );
  }
}
