import { timingSafeEqual } from 'node:crypto';
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
 * `scope`, `client_id`, `token_use` and Carelink's tenant claims, verifiable through a JWKS.
 */
export class LocalIssuer {
  private constructor(
    private readonly privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'],
    private readonly publicJwk: JWK,
    readonly issuerUrl: string,
    private readonly clients: Map<string, LocalClient>,
  ) {}

  static async create(issuerUrl: string, clients: readonly LocalClient[]): Promise<LocalIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const publicJwk = { ...(await exportJWK(publicKey)), kid: 'local-1', alg: 'RS256', use: 'sig' };
    return new LocalIssuer(privateKey, publicJwk, issuerUrl, new Map(clients.map((c) => [c.clientId, c])));
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

  /** Signs a token for a client directly (tests and the seeding step use it). */
  async sign(client: LocalClient, scopes: readonly string[] = client.scopes): Promise<string> {
    const claims: JWTPayload = {
      client_id: client.clientId,
      token_use: 'access',
      scope: scopes.join(' '),
      tenant_id: client.tenantId,
      ...(client.practiceId ? { practice_id: client.practiceId } : {}),
      ...(client.role ? { role: client.role } : {}),
    };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'local-1' })
      .setIssuer(this.issuerUrl)
      .setSubject(client.subject)
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
      .setJti(crypto.randomUUID())
      .sign(this.privateKey);
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
