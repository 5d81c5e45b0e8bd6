// biome-ignore-all lint/suspicious/noExplicitAny: tests read response bodies field by field and assert them
import { randomUUID } from 'node:crypto';
import { type StaffRole, scopesOfRoles } from '@carelink/contracts';
import type { LocalCloud } from '../cloud';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** One answer as it came over the wire: the raw text besides the parsed body. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  contentType: string;
  text: string;
  body: unknown;
}

export interface ApiClient {
  get<T = any>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  delete<T = any>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  /** Any method; `body` is sent as given when it is a string, as JSON otherwise, and not at all when undefined. */
  send(
    method: HttpMethod,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<RawAnswer>;
}

/**
 * A client of the local API acting as one seeded client (partner or staff member), the way an
 * integrator would call it: a bearer token, JSON bodies, and a fresh Idempotency-Key on every POST
 * unless the caller passes one.
 */
export async function apiClient(cloud: LocalCloud, clientId: string): Promise<ApiClient> {
  return apiClientWithToken(cloud, await cloud.token(clientId));
}

/** A token from the token endpoint for a client's id and secret, as an integrator obtains one. */
export async function clientCredentialsToken(
  cloud: Pick<LocalCloud, 'apiUrl'>,
  clientId: string,
  clientSecret: string,
): Promise<{ status: number; token?: string }> {
  const response = await fetch(`${cloud.apiUrl}/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  const body = (await response.json()) as { access_token?: string };
  return { status: response.status, ...(body.access_token ? { token: body.access_token } : {}) };
}

/** A client of the local API that sends the given bearer token. */
export function apiClientWithToken(cloud: Pick<LocalCloud, 'apiUrl'>, token: string): ApiClient {
  const send = async (
    method: HttpMethod,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<RawAnswer> => {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const response = await fetch(`${cloud.apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
        ...headers,
      },
      ...(payload === undefined ? {} : { body: payload }),
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    let parsed: unknown = text;
    if (contentType.includes('json') && text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: response.status, headers: response.headers, contentType, text, body: parsed };
  };
  const call =
    (method: HttpMethod) =>
    async (path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<any>> => {
      const { status, headers: answered, body: parsed } = await send(method, path, body, headers);
      return { status, headers: answered, body: parsed };
    };
  return {
    get: (path, headers) => call('GET')(path, undefined, headers),
    post: call('POST'),
    put: call('PUT'),
    patch: call('PATCH'),
    delete: (path, headers) => call('DELETE')(path, undefined, headers),
    send,
  };
}

/**
 * A client acting as a tenant integration (an EHR's machine client) in a seeded person's tenant,
 * practice and role, recorded under `subject`, with extra scopes if given. Unlike the person it has
 * no credential, so it states a time entry's performer and practitioner itself.
 */
export async function integrationAs(
  cloud: LocalCloud,
  staffId: string,
  subject: string,
  extraScopes: readonly string[] = [],
): Promise<ApiClient> {
  const person = cloud.staffUsers.find((u) => u.staffId === staffId);
  if (!person) throw new Error(`no seeded person ${staffId}`);
  const token = await cloud.issuer.sign({
    clientId: `${staffId}-integration`,
    clientSecret: '',
    kind: 'staff',
    tenantId: person.tenantId,
    practiceId: person.practiceId,
    role: person.roles[0] as string,
    subject,
    scopes: [...scopesOfRoles(person.roles as StaffRole[]), ...extraScopes],
  });
  return apiClientWithToken(cloud, token);
}
