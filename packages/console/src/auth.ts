/**
 * Sign-in with the authorization code flow and PKCE (RFC 7636) against the identity provider's
 * hosted login (Cognito managed login in AWS, the local issuer locally). Tokens live in memory only:
 * a reload signs in again; the verifier and the page to return to survive the redirect in
 * sessionStorage, which is cleared as soon as the code is exchanged.
 */

export interface ConsoleConfig {
  authorizeUrl: string;
  tokenUrl: string;
  /** The identity provider's sign-out endpoint (Cognito's `/logout`); absent where it keeps no session. */
  logoutUrl?: string;
  clientId: string;
  apiUrl: string;
}

interface Tokens {
  accessToken: string;
  refreshToken: string | undefined;
  expiresAt: number;
}

const PENDING = 'carelink.sign-in';
let tokens: Tokens | undefined;

const base64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

const randomString = () => base64Url(crypto.getRandomValues(new Uint8Array(32)));

const redirectUri = () => `${window.location.origin}/callback`;

/** Sends the person to the hosted login, remembering where they were. */
export async function beginSignIn(config: ConsoleConfig, returnTo: string): Promise<void> {
  const verifier = randomString();
  const state = randomString();
  const challenge = base64Url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  const url = new URL(config.authorizeUrl, window.location.origin);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    scope: 'openid',
  }).toString();
  window.location.assign(url.toString());
}

async function requestTokens(config: ConsoleConfig, form: Record<string, string>): Promise<Tokens> {
  const response = await fetch(new URL(config.tokenUrl, window.location.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.clientId, ...form }).toString(),
  });
  if (!response.ok) throw new Error(`Sign-in failed (${response.status})`);
  const body = (await response.json()) as {
    access_token: string;
    refresh_token?: string;
    expires_in: number;
  };
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? tokens?.refreshToken,
    expiresAt: Date.now() + body.expires_in * 1000,
  };
}

/** Finishes a sign-in on `/callback`: checks the state, exchanges the code, returns where to go. */
export async function completeSignIn(config: ConsoleConfig, search: URLSearchParams): Promise<string> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as {
    verifier: string;
    state: string;
    returnTo: string;
  } | null;
  sessionStorage.removeItem(PENDING);
  const code = search.get('code');
  if (!pending || !code || search.get('state') !== pending.state)
    throw new Error('The sign-in could not be completed');
  tokens = await requestTokens(config, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
  return pending.returnTo;
}

let refreshing: Promise<string | undefined> | undefined;

async function refresh(config: ConsoleConfig, refreshToken: string): Promise<string | undefined> {
  try {
    tokens = await requestTokens(config, { grant_type: 'refresh_token', refresh_token: refreshToken });
    return tokens.accessToken;
  } catch {
    tokens = undefined;
    return undefined;
  }
}

/**
 * The access token, refreshed through the issuer shortly before it expires; undefined when signed
 * out. The calls a page makes at once share one refresh: the refresh token is spent once.
 */
export async function accessToken(config: ConsoleConfig): Promise<string | undefined> {
  if (!tokens) return undefined;
  if (tokens.expiresAt - Date.now() > 60_000) return tokens.accessToken;
  if (!tokens.refreshToken) return undefined;
  refreshing ??= refresh(config, tokens.refreshToken).finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

export const isSignedIn = () => tokens !== undefined;

/** What the signed-in person may do, from their access token's claims (the API checks them again). */
export interface Session {
  scopes: string[];
  practiceId: string | undefined;
  staffId: string | undefined;
  credential: string | undefined;
}

export function session(): Session {
  const payload = tokens?.accessToken.split('.')[1];
  if (!payload) return { scopes: [], practiceId: undefined, staffId: undefined, credential: undefined };
  const claims = JSON.parse(atob(payload.replaceAll('-', '+').replaceAll('_', '/'))) as Record<
    string,
    unknown
  >;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    // Cognito prefixes resource-server scopes with the server's identifier (`carelink/billing:read`).
    scopes: (text(claims.scope) ?? '').split(' ').map((scope) => scope.slice(scope.lastIndexOf('/') + 1)),
    practiceId: text(claims.practice_id),
    staffId: text(claims.staff_id),
    credential: text(claims.credential),
  };
}

export const can = (scope: string) => session().scopes.includes(scope);

/** Forgets the tokens and ends the identity provider's session too, landing on the signed-out page. */
export function signOut(config: ConsoleConfig): void {
  tokens = undefined;
  const signedOut = `${window.location.origin}/signed-out.html`;
  if (!config.logoutUrl) {
    window.location.assign(signedOut);
    return;
  }
  const url = new URL(config.logoutUrl);
  url.search = new URLSearchParams({ client_id: config.clientId, logout_uri: signedOut }).toString();
  window.location.assign(url.toString());
}
