import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import type { LocalClient } from './clients';

/** Whose token is being issued: a client (client credentials) or a person signing in. */
export type TokenRequest =
  | { kind: 'client'; clientId: string }
  | { kind: 'user'; username: string; clientId: string };

/**
 * The pre-token-generation trigger as the issuer calls it: the claims (and, for people, the scopes)
 * to add to the token. It throws when no token may be issued, and the issuer then issues none.
 */
export type TokenClaimsHook = (
  request: TokenRequest,
) => Promise<{ claims: Record<string, string>; scopes?: string[] }>;

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

export class OAuthError extends Error {
  override name = 'OAuthError';
  constructor(
    readonly error: 'invalid_client' | 'invalid_request' | 'invalid_scope' | 'unsupported_grant_type',
    readonly status: 400 | 401,
  ) {
    super(error);
  }
}

const TOKEN_LIFETIME_SECONDS = 3600;

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * A local OAuth2 client-credentials issuer with Cognito's token shape: RS256 access tokens with
 * `scope`, `client_id`, `token_use` and Carelink's tenant or partner claims, verifiable through a
 * JWKS. Clients are registered through the Cognito API the local AWS endpoint serves.
 */
export class LocalIssuer {
  private constructor(
    private readonly privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'],
    private readonly publicJwk: JWK,
    readonly issuerUrl: string,
    private readonly clients: Map<string, LocalClient>,
  ) {}

  private claimsHook: TokenClaimsHook = async () => ({ claims: {} });
  private registryChanged: () => void = () => {};

  static async create(issuerUrl: string, clients: readonly LocalClient[]): Promise<LocalIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const publicJwk = { ...(await exportJWK(publicKey)), kid: 'local-1', alg: 'RS256', use: 'sig' };
    return new LocalIssuer(privateKey, publicJwk, issuerUrl, new Map(clients.map((c) => [c.clientId, c])));
  }

  /** Calls this before signing each token, as Cognito calls its pre-token-generation trigger. */
  useClaimsHook(hook: TokenClaimsHook): void {
    this.claimsHook = hook;
  }

  /** Called after every registration and removal (the local cloud saves the registry). */
  onRegistryChange(listener: () => void): void {
    this.registryChanged = listener;
  }

  /** Registers a client as Cognito's `CreateUserPoolClient` does: a generated id and secret. */
  register(name: string, scopes: readonly string[]): LocalClient {
    const clientId = randomBytes(13).toString('hex').slice(0, 26);
    const client: LocalClient = {
      clientId,
      clientSecret: randomBytes(32).toString('base64url'),
      scopes: [...scopes],
      kind: 'registered',
      name,
      subject: clientId,
    };
    this.clients.set(clientId, client);
    this.registryChanged();
    return client;
  }

  /** Restores clients registered in an earlier run (the local cloud keeps them with its data). */
  restore(clients: readonly LocalClient[]): void {
    for (const client of clients) this.clients.set(client.clientId, client);
  }

  /** Removes a registered client; false when there was none. */
  remove(clientId: string): boolean {
    const client = this.clients.get(clientId);
    if (client?.kind !== 'registered') return false;
    this.clients.delete(clientId);
    this.registryChanged();
    return true;
  }

  /** Every client registered through the Cognito API. */
  registered(): LocalClient[] {
    return [...this.clients.values()].filter((c) => c.kind === 'registered');
  }

  client(clientId: string): LocalClient | undefined {
    return this.clients.get(clientId);
  }

  jwks(): JSONWebKeySet {
    return { keys: [this.publicJwk] };
  }

  /** `POST /oauth2/token` with HTTP Basic client authentication and `grant_type=client_credentials`. */
  async token(authorization: string | undefined, form: URLSearchParams): Promise<TokenResponse> {
    if (form.get('grant_type') !== 'client_credentials') throw new OAuthError('unsupported_grant_type', 400);
    const basic = /^Basic (.+)$/i.exec(authorization ?? '')?.[1];
    const [clientId = '', clientSecret = ''] = basic
      ? Buffer.from(basic, 'base64').toString('utf8').split(':')
      : [form.get('client_id') ?? '', form.get('client_secret') ?? ''];
    const client = this.clients.get(clientId);
    if (!client || !safeEqual(client.clientSecret, clientSecret)) throw new OAuthError('invalid_client', 401);
    const requested = form.get('scope')?.split(' ').filter(Boolean);
    if (requested?.some((scope) => !client.scopes.includes(scope)))
      throw new OAuthError('invalid_scope', 400);
    return {
      access_token: await this.sign(client, requested ?? client.scopes),
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
    };
  }

  /** Signs a token for a client directly (tests and the seeding step use it), trigger included. */
  async sign(client: LocalClient, scopes: readonly string[] = client.scopes): Promise<string> {
    let added: Record<string, string>;
    try {
      added = (await this.claimsHook({ kind: 'client', clientId: client.clientId })).claims;
    } catch {
      throw new OAuthError('invalid_client', 401);
    }
    const claims: JWTPayload = {
      client_id: client.clientId,
      token_use: 'access',
      scope: scopes.join(' '),
      ...(client.tenantId ? { tenant_id: client.tenantId } : {}),
      ...(client.practiceId ? { practice_id: client.practiceId } : {}),
      ...(client.role ? { role: client.role } : {}),
      ...added,
    };
    return this.signJwt(client.subject, claims);
  }

  /** A token of this issuer: RS256 under its key, its issuer, one hour, a fresh id. */
  private signJwt(subject: string, payload: JWTPayload): Promise<string> {
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: 'local-1' })
      .setIssuer(this.issuerUrl)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
      .setJti(crypto.randomUUID())
      .sign(this.privateKey);
  }

  /**
   * A person's access and ID tokens, as Cognito issues them after sign-in: the trigger's claims and
   * scopes in the access token, the e-mail in the ID token. Throws when the trigger refuses.
   */
  async signUser(
    user: { username: string; sub: string; email: string; groups?: readonly string[] },
    clientId: string,
  ): Promise<{ accessToken: string; idToken: string; expiresIn: number }> {
    const { claims, scopes = [] } = await this.claimsHook({
      kind: 'user',
      username: user.username,
      clientId,
    });
    const sign = (payload: JWTPayload) => this.signJwt(user.sub, payload);
    const accessToken = await sign({
      token_use: 'access',
      client_id: clientId,
      username: user.username,
      scope: scopes.join(' '),
      ...(user.groups?.length ? { 'cognito:groups': [...user.groups] } : {}),
      ...claims,
    });
    const idToken = await sign({
      token_use: 'id',
      aud: clientId,
      'cognito:username': user.username,
      email: user.email,
    });
    return { accessToken, idToken, expiresIn: TOKEN_LIFETIME_SECONDS };
  }

  /**
   * Verifies a bearer token as API Gateway's Cognito authorizer does and returns the claims it passes
   * to the integration (every value as a string). Undefined when the token is missing or invalid.
   */
  async verify(authorization: string | undefined): Promise<Record<string, string> | undefined> {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, createLocalJWKSet(this.jwks()), {
        issuer: this.issuerUrl,
        algorithms: ['RS256'],
      });
      return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, String(v)]));
    } catch {
      return undefined;
    }
  }
}
