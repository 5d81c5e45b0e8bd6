import * as z from 'zod/mini';
import type { ZodOpenApiOperationObject } from 'zod-openapi';
import { withMeta } from './meta';

/** RFC 6749 section 5.2: token errors are OAuth JSON, not problem+json. */
const OAuthError = withMeta(
  z.object({
    error: z.enum(['invalid_request', 'invalid_client', 'invalid_scope', 'unsupported_grant_type']),
    error_description: z.optional(z.string()),
  }),
  { id: 'OAuthError' },
);

const oauthError = (description: string) => ({
  description,
  content: { 'application/json': { schema: OAuthError } },
});

/**
 * `POST /oauth2/token`: the client-credentials grant (Cognito's token endpoint in AWS, the local
 * issuer under `npm start`). Client id and secret go in HTTP Basic authentication.
 */
export const oauthTokenOperation: ZodOpenApiOperationObject = {
  operationId: 'issueAccessToken',
  summary: 'Get an access token (OAuth 2.0 client credentials)',
  tags: ['Authentication'],
  security: [{ clientSecretBasic: [] }],
  requestBody: {
    required: true,
    content: {
      'application/x-www-form-urlencoded': {
        schema: z.object({
          grant_type: z.literal('client_credentials'),
          scope: withMeta(z.optional(z.string()), {
            description: 'Space-separated; default: every scope of the client',
          }),
        }),
      },
    },
  },
  responses: {
    200: {
      description: 'A bearer token for the API',
      content: {
        'application/json': {
          schema: z.object({
            access_token: z.string(),
            token_type: z.literal('Bearer'),
            expires_in: withMeta(z.int(), { description: 'Seconds' }),
          }),
        },
      },
    },
    400: oauthError('Not a client-credentials request, or a scope the client does not hold'),
    401: oauthError('Unknown client or wrong secret'),
  },
};
