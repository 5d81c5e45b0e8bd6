import { randomUUID } from 'node:crypto';
import type { LocalCloud } from '../../packages/local/src/cloud';
import type { ApiClient } from '../../packages/local/src/testing/api-client';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One answer as it came over the wire: the raw text besides the parsed body. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  contentType: string;
  text: string;
  body: unknown;
}

/** An API client that also speaks PATCH, for the partner's referral corrections. */
export interface PatchingApiClient extends ApiClient {
  patch: ApiClient['put'];
  /** Any method; `body` is sent as given when it is a string, as JSON otherwise, and not at all when undefined. */
  send(
    method: HttpMethod,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<RawAnswer>;
}

/**
 * A client of the local API acting as one seeded client, as an integrator calls it: a bearer token,
 * JSON bodies, and a fresh Idempotency-Key on every POST unless the caller passes one.
 */
export async function patchingApiClient(cloud: LocalCloud, clientId: string): Promise<PatchingApiClient> {
  const token = await cloud.token(clientId);
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
  const typed =
    (method: HttpMethod) => async (path: string, body?: unknown, headers?: Record<string, string>) => {
      const answer = await send(method, path, body, headers);
      return {
        status: answer.status,
        headers: answer.headers,
        body: answer.body as never,
      };
    };
  return {
    get: (path, headers) => typed('GET')(path, undefined, headers),
    post: typed('POST'),
    put: typed('PUT'),
    patch: typed('PATCH'),
    delete: (path, headers) => typed('DELETE')(path, undefined, headers),
    send,
  };
}
