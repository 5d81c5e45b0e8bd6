import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

function lowerCased<V>(headers: Record<string, V>): Record<string, V> {
  const lower: Record<string, V> = Object.create(null);
  for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value;
  return lower;
}

/**
 * Header names are case-insensitive and API Gateway passes them as the client spelled them; every
 * reader here looks them up in lower case.
 */
export const lowerCaseHeaders: MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> = {
  before: ({ event }) => {
    if (event.headers) event.headers = lowerCased(event.headers);
    if (event.multiValueHeaders) event.multiValueHeaders = lowerCased(event.multiValueHeaders);
  },
};
