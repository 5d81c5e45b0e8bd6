import { SQSClient } from '@aws-sdk/client-sqs';

type Next = (args: { input: object }) => Promise<unknown>;

/**
 * Makes the SQS host that queue URLs name (`https://sqs.<region>.amazonaws.com/<account>/<queue>`)
 * this machine's local endpoint, for every SQS client in the process, as DNS makes it the real one
 * in AWS. The dead-letter sink of the services' consumers addresses a DLQ by the URL derived from
 * its ARN with a default client, which sends to that host whatever `AWS_ENDPOINT_URL_SQS` says, and
 * checks an MD5 of the body that the local endpoint does not compute. Without this, a poison
 * message on the local cloud would leave the machine and then be retried instead of dead-lettered.
 * Returns how many sends it redirected, and a function that undoes it.
 */
export function serveQueueUrlsLocally(): { redirected: () => number; restore: () => void } {
  const original = SQSClient.prototype.send;
  const patched = new WeakSet<SQSClient>();
  let redirected = 0;
  const toLocal = (next: Next) => async (args: { input: object }) => {
    const local = process.env.AWS_ENDPOINT_URL_SQS;
    const input = args.input as { QueueUrl?: unknown };
    if (local && typeof input.QueueUrl === 'string') {
      const url = new URL(input.QueueUrl);
      if (url.origin !== new URL(local).origin) {
        redirected++;
        input.QueueUrl = `${local.replace(/\/$/, '')}${url.pathname}`;
      }
    }
    return next(args);
  };
  SQSClient.prototype.send = function send(this: SQSClient, ...args: Parameters<SQSClient['send']>) {
    if (!patched.has(this)) {
      patched.add(this);
      (this.config as { md5?: unknown }).md5 = false;
      this.middlewareStack.addRelativeTo(toLocal as never, {
        name: 'localQueueHost',
        relation: 'before',
        toMiddleware: 'queueUrlMiddleware',
      });
    }
    return (original as (...a: unknown[]) => ReturnType<SQSClient['send']>).apply(this, args);
  } as SQSClient['send'];
  return {
    redirected: () => redirected,
    restore: () => {
      SQSClient.prototype.send = original;
    },
  };
}
