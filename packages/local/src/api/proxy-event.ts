import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent } from 'aws-lambda';

export interface ProxyRequest {
  method: string;
  /** The concrete path, e.g. `/v1/referrals/01J...`. */
  path: string;
  /** The route template, e.g. `/v1/referrals/{referralId}`. */
  resource: string;
  pathParameters?: Record<string, string>;
  query?: URLSearchParams;
  headers?: Record<string, string>;
  body?: string;
  /** Verified token claims, as the Cognito authorizer passes them (all values strings). */
  claims?: Record<string, string>;
  sourceIp?: string;
  stage?: string;
}

/**
 * Builds the REST API (v1) Lambda proxy event API Gateway sends, including
 * `requestContext.authorizer.claims` as the Cognito user pool authorizer fills it.
 */
export function buildProxyEvent(request: ProxyRequest): APIGatewayProxyEvent {
  const headers = request.headers ?? {};
  const multiValueHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]]));
  const query = request.query ? Object.fromEntries(request.query.entries()) : null;
  const multiQuery: Record<string, string[]> = {};
  for (const [key, value] of request.query?.entries() ?? [])
    multiQuery[key] = [...(multiQuery[key] ?? []), value];
  const stage = request.stage ?? 'local';
  const now = new Date();
  return {
    resource: request.resource,
    path: request.path,
    httpMethod: request.method,
    headers,
    multiValueHeaders,
    queryStringParameters: query && Object.keys(query).length ? query : null,
    multiValueQueryStringParameters: Object.keys(multiQuery).length ? multiQuery : null,
    pathParameters:
      request.pathParameters && Object.keys(request.pathParameters).length ? request.pathParameters : null,
    stageVariables: null,
    body: request.body ?? null,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: request.claims ? { claims: request.claims } : null,
      protocol: 'HTTP/1.1',
      httpMethod: request.method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: request.sourceIp ?? '127.0.0.1',
        user: null,
        userAgent: headers['user-agent'] ?? null,
        userArn: null,
      },
      path: `/${stage}${request.path}`,
      stage,
      requestId: randomUUID(),
      requestTimeEpoch: now.getTime(),
      resourceId: 'local',
      resourcePath: request.resource,
    },
  };
}
