import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { AwsApiError } from './cognito-api';
import type { LocalUserPool } from './user-pool';

/** What the console asked for when it sent the person to sign in (OAuth 2.0 + PKCE, RFC 7636). */
interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
}

interface PendingCode extends AuthorizeRequest {
  username: string;
  expiresAt: number;
}

const CODE_TTL_MS = 5 * 60_000;
const STEP_TTL_MS = 5 * 60_000;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const hidden = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');

function page(title: string, body: string, error?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Carelink</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}
label{display:block;margin-top:1rem;font-weight:600}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem;background:#0b5394;color:#fff;border:0;border-radius:4px}
[role=alert]{color:#a4000f;margin-top:1rem}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}${body}</main></body></html>`;
}

/**
 * The identity provider's hosted sign-in, as Cognito's managed login offers it to the console:
 * `/oauth2/authorize` shows a page asking for the username and password, then the one-time code of
 * a person with MFA, and redirects back with an authorization code; `/oauth2/token` exchanges it for
 * tokens when the PKCE verifier matches the S256 challenge, and refreshes them. The same user pool
 * answers the AWS SDK, so a person has one password and one authenticator.
 */
export class HostedLogin {
  private readonly codes = new Map<string, PendingCode>();
  private readonly steps = new Map<
    string,
    { username: string; request: AuthorizeRequest; expiresAt: number }
  >();

  constructor(private readonly pool: LocalUserPool) {}

  /** `GET` shows the sign-in page; `POST` takes the password or the code. */
  async authorize(method: string, query: URLSearchParams, body: string, res: ServerResponse): Promise<void> {
    if (method === 'GET') {
      const request = this.requestOf(query);
      if (typeof request === 'string') return void this.send(res, 400, page('Sign in', '', request));
      return void this.send(res, 200, this.passwordPage(request));
    }
    const form = new URLSearchParams(body);
    const stepId = form.get('step');
    if (stepId) return void this.codeStep(stepId, form.get('code') ?? '', res);
    const request = this.requestOf(form);
    if (typeof request === 'string') return void this.send(res, 400, page('Sign in', '', request));
    try {
      const user = await this.pool.checkPassword(form.get('username'), form.get('password'));
      if (!user.totpSecret)
        return void this.send(
          res,
          200,
          this.passwordPage(request, 'Finish setting up your authenticator before signing in here.'),
        );
      const step = randomBytes(24).toString('base64url');
      this.steps.set(step, { username: user.username, request, expiresAt: Date.now() + STEP_TTL_MS });
      return void this.send(res, 200, this.codePage(step));
    } catch (error) {
      if (!(error instanceof AwsApiError)) throw error;
      return void this.send(res, 200, this.passwordPage(request, error.message));
    }
  }

  /** `authorization_code` (with the PKCE verifier) and `refresh_token` grants of the console's client. */
  async token(form: URLSearchParams): Promise<{ status: number; body: Record<string, unknown> }> {
    const grant = form.get('grant_type');
    try {
      if (grant === 'refresh_token')
        return this.tokenAnswer(await this.pool.refresh(form.get('refresh_token') ?? ''));
      const code = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (
        !code ||
        code.expiresAt < Date.now() ||
        code.clientId !== form.get('client_id') ||
        code.redirectUri !== form.get('redirect_uri') ||
        challenge !== code.codeChallenge
      )
        return { status: 400, body: { error: 'invalid_grant' } };
      return this.tokenAnswer(await this.pool.issueTokens(code.username));
    } catch (error) {
      if (error instanceof AwsApiError) return { status: 400, body: { error: 'invalid_grant' } };
      throw error;
    }
  }

  private tokenAnswer(result: { AuthenticationResult: Record<string, unknown> }) {
    const tokens = result.AuthenticationResult;
    return {
      status: 200,
      body: {
        access_token: tokens.AccessToken,
        id_token: tokens.IdToken,
        ...(tokens.RefreshToken ? { refresh_token: tokens.RefreshToken } : {}),
        token_type: 'Bearer',
        expires_in: tokens.ExpiresIn,
      },
    };
  }

  private codeStep(stepId: string, code: string, res: ServerResponse): void {
    const step = this.steps.get(stepId);
    if (!step || step.expiresAt < Date.now())
      return void this.send(res, 400, page('Sign in', '<p>This sign-in has expired; start again.</p>'));
    try {
      this.pool.checkCode(step.username, code);
    } catch (error) {
      if (!(error instanceof AwsApiError)) throw error;
      return void this.send(res, 200, this.codePage(stepId, 'That code is not right; try the current one.'));
    }
    this.steps.delete(stepId);
    const authorizationCode = randomBytes(32).toString('base64url');
    this.codes.set(authorizationCode, {
      ...step.request,
      username: step.username,
      expiresAt: Date.now() + CODE_TTL_MS,
    });
    const target = new URL(step.request.redirectUri);
    target.searchParams.set('code', authorizationCode);
    if (step.request.state) target.searchParams.set('state', step.request.state);
    res.writeHead(302, { location: target.toString(), 'cache-control': 'no-store' });
    res.end();
  }

  /** The console's request, or why it cannot be served (PKCE with S256 is required). */
  private requestOf(params: URLSearchParams): AuthorizeRequest | string {
    if (params.get('response_type') !== 'code') return 'Only the authorization code flow is supported.';
    if (params.get('client_id') !== this.pool.clientId) return 'Unknown client.';
    const redirectUri = params.get('redirect_uri') ?? '';
    if (!URL.canParse(redirectUri)) return 'A redirect_uri is required.';
    const codeChallenge = params.get('code_challenge') ?? '';
    if (params.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(codeChallenge))
      return 'PKCE with an S256 code_challenge is required.';
    return { clientId: this.pool.clientId, redirectUri, state: params.get('state') ?? '', codeChallenge };
  }

  private passwordPage(request: AuthorizeRequest, error?: string): string {
    return page(
      'Sign in',
      `<form method="post" action="/oauth2/authorize">${hidden({
        response_type: 'code',
        client_id: request.clientId,
        redirect_uri: request.redirectUri,
        state: request.state,
        code_challenge: request.codeChallenge,
        code_challenge_method: 'S256',
      })}<label for="username">Username</label><input id="username" name="username" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form>`,
      error,
    );
  }

  private codePage(step: string, error?: string): string {
    return page(
      'Enter your one-time code',
      `<form method="post" action="/oauth2/authorize">${hidden({ step })}
<label for="code">One-time code</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" required>
<button type="submit">Verify</button></form>`,
      error,
    );
  }

  private send(res: ServerResponse, status: number, html: string): void {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      'x-frame-options': 'DENY',
    });
    res.end(html);
  }
}
