import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';

/** One page: who is called, about what, and the patient by id only (never a name or a reading). */
export interface Page {
  readonly to: string;
  readonly subject: string;
  readonly tenantId: string;
  readonly practiceId: string;
  readonly patientId: string;
  readonly flagId: string;
  /** 1 for the first page, then one more for each re-page of the same flag. */
  readonly attempt: number;
}

/** Where urgent flags page people. */
export interface OnCallPager {
  page(page: Page): Promise<void>;
}

/**
 * Publishes pages to the on-call SNS topic (`ON_CALL_TOPIC_ARN`); subscribers (SMS, e-mail, a paging
 * tool) filter on the `to` attribute. Locally the cloud answers SNS and lists what was published at
 * `GET /local/notifications`. Without a topic a page fails loudly: the flag's consumer retries and
 * its dead-letter queue names the reason, instead of the page silently going nowhere.
 */
export function snsOnCallPager(topicArn: string | undefined, client?: SNSClient): OnCallPager {
  // Built on the first page: every outreach function composes the pager, two of them page.
  let sns = client;
  return {
    async page(page) {
      if (!topicArn) throw new Error('on-call paging is not configured (ON_CALL_TOPIC_ARN)');
      sns ??= new SNSClient({ maxAttempts: 3 });
      await sns.send(
        new PublishCommand({
          TopicArn: topicArn,
          Subject: page.subject,
          Message: JSON.stringify(page),
          MessageAttributes: {
            to: { DataType: 'String', StringValue: page.to },
            practiceId: { DataType: 'String', StringValue: page.practiceId },
          },
        }),
      );
    },
  };
}
