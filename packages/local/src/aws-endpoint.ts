import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsApiError, type AwsOperation } from './auth/cognito-api';
import { type LocalBus, PutEventsRequestError } from './bus/local-bus';
import type { LocalQueue } from './sqs/local-queue';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function reply(res: ServerResponse, status: number, body: unknown, contentType: string): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(JSON.stringify(body));
}

/** A query-protocol request (SNS): XML in, XML out, errors as `ErrorResponse`. */
function answerQuery(
  res: ServerResponse,
  raw: string,
  queryProtocol: ((params: URLSearchParams) => string) | undefined,
): void {
  try {
    if (!queryProtocol) throw new AwsApiError('InvalidAction', 'no query-protocol service here');
    const body = queryProtocol(new URLSearchParams(raw));
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(body);
  } catch (error) {
    const { type, status, message } =
      error instanceof AwsApiError
        ? error
        : { type: 'InternalFailure', status: 500, message: 'internal error' };
    res.writeHead(status, { 'content-type': 'text/xml' });
    res.end(
      `<ErrorResponse><Error><Type>Sender</Type><Code>${type}</Code><Message>${message.replace(/[<>&]/g, '')}</Message></Error><RequestId>local</RequestId></ErrorResponse>`,
    );
  }
}

/**
 * The AWS JSON-protocol endpoints the functions call, served locally so production code runs with
 * the real SDK clients (`AWS_ENDPOINT_URL_EVENTBRIDGE`, `AWS_ENDPOINT_URL_SQS`, ...): EventBridge
 * `PutEvents`, SQS `SendMessage` (poison messages to a dead-letter queue), and any further
 * operations by `X-Amz-Target` (the Cognito operations of the local issuer), and query-protocol
 * requests (SNS) through `queryProtocol`.
 */
export async function startAwsEndpoint(
  bus: LocalBus,
  queues: Map<string, LocalQueue>,
  operations: ReadonlyMap<string, AwsOperation> = new Map(),
  queryProtocol?: (params: URLSearchParams) => string,
): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const target = String(req.headers['x-amz-target'] ?? '');
    const contentType = String(req.headers['content-type'] ?? 'application/x-amz-json-1.1');
    const raw = await readBody(req);
    if (contentType.startsWith('application/x-www-form-urlencoded'))
      return answerQuery(res, raw, queryProtocol);
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(raw || '{}');
    } catch {
      return reply(res, 400, { __type: 'SerializationException', message: 'malformed JSON' }, contentType);
    }
    try {
      const operation = operations.get(target);
      if (operation) return reply(res, 200, await operation(input), contentType);
      if (target === 'AWSEvents.PutEvents') {
        return reply(res, 200, bus.putEvents(input.Entries as never), contentType);
      }
      if (target === 'AmazonSQS.SendMessage') {
        const url = String(input.QueueUrl ?? '');
        const queue = queues.get(url.slice(url.lastIndexOf('/') + 1));
        if (!queue) {
          return reply(
            res,
            400,
            { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' },
            contentType,
          );
        }
        const attributes = Object.fromEntries(
          Object.entries((input.MessageAttributes ?? {}) as Record<string, { StringValue?: string }>).map(
            ([k, v]) => [k, v.StringValue ?? ''],
          ),
        );
        const message = queue.send(String(input.MessageBody ?? ''), attributes, attributes.reason);
        return reply(
          res,
          200,
          {
            MessageId: message.messageId,
            MD5OfMessageBody: createHash('md5').update(message.body).digest('hex'),
          },
          contentType,
        );
      }
      return reply(
        res,
        400,
        { __type: 'UnknownOperationException', message: `unsupported ${target}` },
        contentType,
      );
    } catch (error) {
      if (error instanceof AwsApiError)
        return reply(res, error.status, { __type: error.type, message: error.message }, contentType);
      const type = error instanceof PutEventsRequestError ? 'ValidationException' : 'InternalException';
      return reply(
        res,
        error instanceof PutEventsRequestError ? 400 : 500,
        { __type: type, message: (error as Error).message },
        contentType,
      );
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
