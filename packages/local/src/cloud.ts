import type { Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type CognitoEndpoint,
  problem,
  type SeededPartnerClient,
  type SeededStaffUser,
  type ServiceManifest,
} from '@carelink/contracts';
import { buildOpenApiDocument } from '@carelink/contracts/openapi';
import { allowLoopbackWebhooksVariable, staffInvitationDeliveryVariable } from '@carelink/lambda-kit';
import { type ControlRequest, startApiServer } from './api/api-server';
import { consoleAssets } from './api/console-assets';
import { compileRoutes } from './api/routes';
import { type LocalClient, seedClients } from './auth/clients';
import { cognitoOperations } from './auth/cognito-api';
import { HostedLogin } from './auth/hosted-login';
import { LocalIssuer } from './auth/issuer';
import { fileRegistry, fileSeedResults, fileUserPool } from './auth/registry-file';
import { LocalUserPool } from './auth/user-pool';
import { startAwsEndpoint } from './aws-endpoint';
import { useLocalAws } from './aws-environment';
import { LocalBus } from './bus/local-bus';
import {
  deployIdentityTriggers,
  deploySchedules,
  deploySubscriptions,
  deployTable,
  runLocalSeeds,
  settleWhenIdle,
} from './deploy';
import { type DynamoDbLocal, localCredentials, localRegion, startDynamoDbLocal } from './dynamodb/launcher';
import { LocalScheduler } from './scheduler/local-scheduler';
import { patientKeySecretId, secretsOperations } from './secrets-api';
import { LocalSns } from './sns-api';
import type { LocalQueue } from './sqs/local-queue';
import { type StreamHandler, type StreamRelay, streamsClient } from './streams/stream-relay';

export interface LocalCloudOptions {
  /** API port; 0 picks a free one (tests). */
  port?: number;
  /** Reuse a running DynamoDB Local instead of starting one. */
  dynamoDbEndpoint?: string;
  /** Keep DynamoDB data on disk here (npm start); in memory when absent. */
  dataDir?: string;
  manifests?: readonly ServiceManifest[];
  /** Prefix of table, bus and queue names; unique per cloud when several share one DynamoDB Local. */
  prefix?: string;
  /** Caps queue visibility timeouts so retries happen in seconds locally (AWS uses the manifest's). */
  maxVisibilityTimeoutMs?: number;
  /** Run the manifests' local seeds (default true). */
  seed?: boolean;
  /**
   * The DynamoDB endpoint the functions call, e.g. a fault-injecting proxy in front of DynamoDB
   * Local (default `dynamoDbEndpoint`). Table set-up and stream reads always use `dynamoDbEndpoint`.
   */
  functionsDynamoDbEndpoint?: string;
  /** The outbox stream function of every table (default lambda-kit's relay), e.g. one that crashes. */
  outboxRelay?: () => Promise<StreamHandler>;
  /**
   * Check every API answer against the OpenAPI document; a mismatch becomes a 500 naming it
   * (default: on when CARELINK_CHECK_RESPONSES=1, as the test runs set it).
   */
  checkResponses?: boolean;
}

export interface LocalCloud {
  apiUrl: string;
  awsUrl: string;
  dynamoDbEndpoint: string;
  bus: LocalBus;
  queues: ReadonlyMap<string, LocalQueue>;
  scheduler: LocalScheduler;
  issuer: LocalIssuer;
  /** The client the cloud starts with: the operator's. */
  clients: readonly LocalClient[];
  /** The partner clients the seeds issued through the directory's admin API. */
  partners: readonly SeededPartnerClient[];
  /** The people the seeds created, with the password and TOTP secret they sign in with. */
  staffUsers: readonly SeededStaffUser[];
  /** Where the AWS SDK's Cognito client signs people in. */
  cognito: CognitoEndpoint;
  tableName(service: string): string;
  /** An access token for a seeded person (by staff id), partner (by partner id) or client (by client id). */
  token(name: string): Promise<string>;
  /** Waits until every outbox item is relayed and every queue is drained (or the timeout passes). */
  settle(timeoutMs?: number): Promise<void>;
  /** Shifts the local clock (functions, scheduler) so that now is `at`. */
  setClock(at: Date): void;
  stop(): Promise<void>;
}

/** The user pool the local issuer stands for (the Cognito API answers for this id only). */
export const localUserPoolId = 'local_carelink';

/** The console's public app client: people sign in through it (no secret, as for a browser app). */
export const localConsoleClientId = 'carelink-console';

const RELAY_HANDLER = new URL('../../lambda-kit/src/handlers/outbox-relay.ts', import.meta.url).pathname;

/** The topic urgent risk flags page on-call people through, as the platform stack names it. */
const onCallTopicArn = (prefix: string) => `arn:aws:sns:${localRegion}:000000000000:${prefix}-on-call`;

/**
 * Starts the whole system on this machine, driven by the same manifests as infra: DynamoDB Local
 * with every table, the AWS endpoints the functions call, the bus with the manifests' rules and
 * queues, the outbox stream relays, the scheduler and the API. Handler modules run in this process,
 * so one cloud per process (their configuration is read from the environment when first loaded).
 */
export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const manifests = options.manifests ?? (await import('../../../services/manifests')).serviceManifests;
  const prefix = options.prefix ?? 'carelink-local';
  const dynamo: DynamoDbLocal | undefined = options.dynamoDbEndpoint
    ? undefined
    : await startDynamoDbLocal(options.dataDir ? { dataDir: options.dataDir } : {});
  const dynamoDbEndpoint = options.dynamoDbEndpoint ?? (dynamo as DynamoDbLocal).endpoint;

  let clockOffsetMs = 0;
  const clock = () => new Date(Date.now() + clockOffsetMs);

  const clients = seedClients();
  const issuer = await LocalIssuer.create(`http://127.0.0.1:${options.port ?? 0}`, clients);
  if (options.dataDir) fileRegistry(issuer, join(options.dataDir, 'identity-clients.json'));
  const claimsHook = deployIdentityTriggers(manifests);
  if (claimsHook) issuer.useClaimsHook(claimsHook);

  const bus = new LocalBus(`${prefix}-bus`);
  const queues = new Map<string, LocalQueue>();
  const userPool = new LocalUserPool(issuer, localUserPoolId, localConsoleClientId);
  if (options.dataDir) fileUserPool(userPool, join(options.dataDir, 'user-pool.json'));
  const sns = new LocalSns(clock, [onCallTopicArn(prefix)]);
  const aws = await startAwsEndpoint(
    bus,
    queues,
    new Map([
      ...cognitoOperations(issuer, localUserPoolId),
      ...userPool.operations(),
      ...secretsOperations(options.dataDir && join(options.dataDir, 'patient-key-pepper')),
    ]),
    (params) => sns.handle(params),
  );

  useLocalAws({
    dynamodb: options.functionsDynamoDbEndpoint ?? dynamoDbEndpoint,
    eventBridge: aws.url,
    sqs: aws.url,
  });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB_STREAMS: dynamoDbEndpoint,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: aws.url,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.url,
    AWS_ENDPOINT_URL_SNS: aws.url,
    ON_CALL_TOPIC_ARN: onCallTopicArn(prefix),
    USER_POOL_ID: localUserPoolId,
    PATIENT_KEY_SECRET_ID: patientKeySecretId,
    EVENT_BUS_NAME: bus.name,
    CARELINK_CLOCK_OFFSET_MS: '0',
    // Partners' test receivers run on this machine; a deployed stage never sets this.
    [allowLoopbackWebhooksVariable]: 'true',
    // No mail here: a new person's temporary password is in the API response, once.
    [staffInvitationDeliveryVariable]: 'response',
  });

  const dynamoClient = new DynamoDBClient({
    endpoint: dynamoDbEndpoint,
    region: localRegion,
    credentials: localCredentials,
  });
  const streams = streamsClient(dynamoDbEndpoint);
  const relays: StreamRelay[] = [];
  const scheduler = new LocalScheduler(clock);
  const tableName = (service: string) => `${prefix}-${service}`;

  const relay =
    options.outboxRelay ??
    (async () => ((await import(RELAY_HANDLER)) as { handler: StreamHandler }).handler);
  for (const manifest of manifests) {
    relays.push(
      await deployTable(
        manifest,
        tableName(manifest.name),
        { dynamo: dynamoClient, streams },
        {
          relay,
          dataDir: options.dataDir,
        },
      ),
    );
    deploySubscriptions(manifest, bus, queues, options.maxVisibilityTimeoutMs ?? 2000);
    deploySchedules(manifest, scheduler);
  }

  let ready = false;
  let apiUrl = '';
  const recentEvents: unknown[] = [];
  bus.onEvent((event) => {
    recentEvents.push(event);
    if (recentEvents.length > 500) recentEvents.shift();
  });

  const setClock = (at: Date) => {
    clockOffsetMs = at.getTime() - Date.now();
    process.env.CARELINK_CLOCK_OFFSET_MS = String(clockOffsetMs);
    scheduler.rearm();
  };

  const control = (request: ControlRequest, res: ServerResponse) =>
    handleControl(request, res, { bus, queues, scheduler, recentEvents, clock, setClock, sns });

  // The document describes what this cloud serves: every service's routes under npm start.
  const servedRoutes = manifests.flatMap((manifest) => manifest.routes.map((route) => route.contract));
  const api = await startApiServer({
    port: options.port ?? 0,
    routes: compileRoutes(manifests),
    issuer,
    login: new HostedLogin(userPool),
    // The document names the server that serves it, whatever port it listens on.
    openApi: () => buildOpenApiDocument(servedRoutes, [{ url: apiUrl, description: 'This local cloud' }]),
    control,
    isReady: () => ready,
    checkResponses: options.checkResponses ?? process.env.CARELINK_CHECK_RESPONSES === '1',
    console: consoleAssets({ clientId: localConsoleClientId }),
  });
  apiUrl = api.url;
  for (const relay of relays) relay.start();
  const partners: SeededPartnerClient[] = [];
  const staffUsers: SeededStaffUser[] = [];
  const cognito: CognitoEndpoint = {
    endpoint: aws.url,
    region: localRegion,
    userPoolId: localUserPoolId,
    clientId: localConsoleClientId,
  };
  const token = async (name: string) => {
    // A seeded person signs in through the user pool's trigger, as after password and TOTP.
    const person = staffUsers.find((u) => u.staffId === name);
    if (person) {
      const user = { username: person.username, sub: person.staffId, email: `${person.staffId}@local` };
      return (await issuer.signUser(user, localConsoleClientId)).accessToken;
    }
    const clientId = partners.findLast((p) => p.partnerId === name)?.clientId ?? name;
    const client = issuer.client(clientId);
    if (!client) throw new Error(`no client, partner or person ${name}`);
    return issuer.sign(client);
  };
  const settle = (timeoutMs = 20_000) => settleWhenIdle(relays, queues, timeoutMs);
  if (options.seed ?? true) {
    // People keep the password and TOTP secret they chose in an earlier run on the same data.
    const seeded = fileSeedResults(options.dataDir && join(options.dataDir, 'seeded.json'));
    staffUsers.push(...(seeded.previous.staffUsers ?? []));
    await runLocalSeeds(manifests, { apiUrl, token, settle: () => settle(), cognito }, (result) => {
      partners.push(...(result.partners ?? []));
      staffUsers.push(...(result.staffUsers ?? []));
    });
    const merged = seeded.save({ partners, staffUsers });
    staffUsers.splice(0, staffUsers.length, ...(merged.staffUsers ?? []));
  }
  ready = true;

  return {
    apiUrl,
    awsUrl: aws.url,
    dynamoDbEndpoint,
    bus,
    queues,
    scheduler,
    issuer,
    clients,
    partners,
    staffUsers,
    cognito,
    tableName,
    token,
    settle,
    setClock,
    stop: async () => {
      ready = false;
      scheduler.stop();
      for (const relay of relays) relay.stop();
      for (const queue of queues.values()) queue.stop();
      await Promise.all([closeServer(api.server), closeServer(aws.server)]);
      dynamoClient.destroy();
      streams.destroy();
      await dynamo?.stop();
    },
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

interface ControlContext {
  bus: LocalBus;
  queues: Map<string, LocalQueue>;
  scheduler: LocalScheduler;
  recentEvents: unknown[];
  clock: () => Date;
  setClock: (at: Date) => void;
  sns: LocalSns;
}

/** The `/local/*` developer endpoints: events, schedules, notifications, clock, queues and dead letters. */
async function handleControl(
  request: ControlRequest,
  res: ServerResponse,
  ctx: ControlContext,
): Promise<unknown> {
  const { method, path, body } = request;
  let input: Record<string, unknown> = {};
  try {
    input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
  } catch {
    res.writeHead(400, { 'content-type': 'application/problem+json' });
    res.end(JSON.stringify(problem('malformed-request', { detail: 'The body is not valid JSON' })));
    return null;
  }
  if (method === 'GET' && path === '/local/events') {
    if (request.query.get('stream') === 'true') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      for (const event of ctx.recentEvents) res.write(`data: ${JSON.stringify(event)}\n\n`);
      const unsubscribe = ctx.bus.onEvent((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
      res.on('close', unsubscribe);
      return null;
    }
    return ctx.recentEvents.slice(-Number(request.query.get('limit') ?? 100));
  }
  if (method === 'GET' && path === '/local/schedules') return ctx.scheduler.upcoming();
  if (method === 'GET' && path === '/local/notifications') return ctx.sns.list();
  const run = /^\/local\/schedules\/([\w-]+)\/run$/.exec(path);
  if (method === 'POST' && run?.[1]) {
    const at = typeof input.scheduledTime === 'string' ? new Date(input.scheduledTime) : ctx.clock();
    return {
      schedule: run[1],
      scheduledTime: at.toISOString(),
      result: await ctx.scheduler.runNow(run[1], at),
    };
  }
  if (path === '/local/clock') {
    if (method === 'POST' && typeof input.now === 'string') ctx.setClock(new Date(input.now));
    return { now: ctx.clock().toISOString() };
  }
  if (method === 'GET' && path === '/local/queues') {
    return [...ctx.queues.values()].map((q) => ({ name: q.name, depth: q.depth }));
  }
  if (method === 'GET' && path === '/local/dlq') {
    return [...ctx.queues.values()]
      .filter((q) => q.name.endsWith('-dlq'))
      .map((q) => ({
        queue: q.name,
        messages: q.list().map((m) => ({
          messageId: m.messageId,
          reason: m.reason,
          sentAt: new Date(m.sentAt).toISOString(),
          body: m.body,
        })),
      }));
  }
  if (method === 'POST' && path === '/local/dlq/redrive') {
    let moved = 0;
    for (const dlq of ctx.queues.values()) {
      if (!dlq.name.endsWith('-dlq') || (input.queue && input.queue !== dlq.name)) continue;
      const source = ctx.queues.get(dlq.name.slice(0, -'-dlq'.length));
      if (source) moved += dlq.redriveTo(source);
    }
    return { moved };
  }
  if (method === 'POST' && path === '/local/archive/replay') {
    const from = new Date(String(input.from ?? 0));
    const to = new Date(String(input.to ?? new Date().toISOString()));
    return { replayed: ctx.bus.replay(from, to) };
  }
  return undefined;
}
