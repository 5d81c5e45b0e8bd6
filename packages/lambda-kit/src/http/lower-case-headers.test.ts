import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { lowerCaseHeaders } from './lower-case-headers';

const normalised = (event: Partial<APIGatewayProxyEvent>) => {
  const request = { event: event as APIGatewayProxyEvent };
  (lowerCaseHeaders.before as (request: unknown) => void)(request);
  return request.event;
};

describe('lower-case headers', () => {
  it('reads every header name in lower case, single and multi-value', () => {
    const event = normalised({
      headers: { 'Idempotency-Key': 'k-1', 'IF-MATCH': '"3"', authorization: 'Bearer t' },
      multiValueHeaders: { 'Idempotency-Key': ['k-1'] },
    });
    expect({ ...event.headers }).toEqual({
      'idempotency-key': 'k-1',
      'if-match': '"3"',
      authorization: 'Bearer t',
    });
    expect({ ...event.multiValueHeaders }).toEqual({ 'idempotency-key': ['k-1'] });
  });

  it('leaves an event without headers as it is', () => {
    expect(normalised({ path: '/v1/things' })).toEqual({ path: '/v1/things' });
  });
});
