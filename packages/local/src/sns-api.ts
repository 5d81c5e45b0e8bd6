import { randomUUID } from 'node:crypto';
import { AwsApiError } from './auth/cognito-api';

/** A message the local SNS accepted, as `GET /local/notifications` lists it. */
export interface LocalNotification {
  readonly at: string;
  /** The topic's name, e.g. `carelink-local-on-call`. */
  readonly channel: string;
  /** The `to` message attribute subscribers filter on. */
  readonly to: string;
  readonly subject: string;
  readonly patientId?: string;
}

const xmlEscape = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The `MessageAttributes.entry.N.{Name,Value.StringValue}` of an SNS query request, by name. */
function messageAttributes(params: URLSearchParams): Map<string, string> {
  const attributes = new Map<string, string>();
  for (let n = 1; params.has(`MessageAttributes.entry.${n}.Name`); n++)
    attributes.set(
      String(params.get(`MessageAttributes.entry.${n}.Name`)),
      String(params.get(`MessageAttributes.entry.${n}.Value.StringValue`) ?? ''),
    );
  return attributes;
}

function patientIdOf(message: string): string | undefined {
  try {
    const parsed = JSON.parse(message) as { patientId?: unknown };
    return typeof parsed.patientId === 'string' ? parsed.patientId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * SNS `Publish` (the query protocol the SDK speaks) for the topics the local cloud creates: what is
 * published is kept, newest last, so a developer or a test can see who was paged and when.
 */
export class LocalSns {
  private readonly sent: LocalNotification[] = [];
  private readonly topics: ReadonlySet<string>;

  constructor(
    private readonly clock: () => Date,
    topicArns: readonly string[],
  ) {
    this.topics = new Set(topicArns);
  }

  /** Answers one query-protocol request with its XML body. */
  handle(params: URLSearchParams): string {
    const action = params.get('Action');
    if (action !== 'Publish') throw new AwsApiError('InvalidAction', `unsupported SNS action ${action}`);
    const topicArn = String(params.get('TopicArn') ?? '');
    if (!this.topics.has(topicArn)) throw new AwsApiError('NotFound', 'Topic does not exist', 404);
    const message = String(params.get('Message') ?? '');
    if (message === '') throw new AwsApiError('InvalidParameter', 'Empty message');
    const patientId = patientIdOf(message);
    this.sent.push({
      at: this.clock().toISOString(),
      channel: topicArn.slice(topicArn.lastIndexOf(':') + 1),
      to: messageAttributes(params).get('to') ?? '',
      subject: String(params.get('Subject') ?? ''),
      ...(patientId ? { patientId } : {}),
    });
    if (this.sent.length > 1000) this.sent.shift();
    const messageId = randomUUID();
    return `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>${xmlEscape(messageId)}</MessageId></PublishResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`;
  }

  list(): { items: LocalNotification[] } {
    return { items: [...this.sent] };
  }
}
