import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './api-types';
import { accessToken, type ConsoleConfig } from './auth';

/** Raised when the session ended: the app sends the person to sign in again. */
export class SignedOut extends Error {}

/** The typed API client (types generated from the OpenAPI document), with the person's token on each call. */
export function apiClient(config: ConsoleConfig) {
  const client = createClient<paths>({ baseUrl: config.apiUrl || window.location.origin });
  const bearer: Middleware = {
    async onRequest({ request }) {
      const token = await accessToken(config);
      if (!token) throw new SignedOut();
      request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) throw new SignedOut();
      return response;
    },
  };
  client.use(bearer);
  return client;
}

export type ApiClient = ReturnType<typeof apiClient>;

/** The title of a problem answer, for an error message the person can act on. */
export const problemTitle = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'title' in error
    ? String(error.title)
    : 'Something went wrong';
