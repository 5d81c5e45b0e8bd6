import { defineRoute } from '@carelink/contracts';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ValidationError } from '../errors';
import { isPlainJson, parseRequest } from './parse-request';

describe('JSON request bodies', () => {
  it.each([
    'application/json',
    'Application/JSON',
    'application/json; charset=utf-8',
    'application/json;charset="UTF-8"',
  ])('accepts %s', (type) => {
    expect(isPlainJson(type)).toBe(true);
  });

  it.each([
    'application/json; charset=utf-16',
    'application/merge-patch+json',
    'application/fhir+json',
    'text/plain',
    '',
    undefined,
  ])('refuses %s', (type) => {
    expect(isPlainJson(type)).toBe(false);
  });
});

describe('field errors', () => {
  const route = defineRoute({
    operationId: 'putWidget',
    method: 'PUT',
    path: '/v1/widgets/{widgetId}',
    summary: 'Replace a widget',
    tag: 'widgets',
    scopes: [],
    params: z.strictObject({ widgetId: z.string().check(z.minLength(3)) }),
    body: z.strictObject({ name: z.string(), size: z.int().check(z.gte(1)) }),
    responses: { 200: { description: 'The widget' } },
  });
  const request = (widgetId: string, body: unknown) => ({
    pathParameters: { widgetId },
    queryStringParameters: null,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  });

  it("names each failing field with its code and zod's English message, never the value", () => {
    let thrown: unknown;
    try {
      parseRequest(route, request('ab', { name: 7, size: 0, colour: 'red' }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).fields).toEqual([
      {
        path: 'path.widgetId',
        code: 'too_small',
        message: 'Too small: expected string to have >=3 characters',
      },
      { path: 'name', code: 'invalid_type', message: 'Invalid input: expected string, received number' },
      { path: 'size', code: 'too_small', message: 'Too small: expected number to be >=1' },
      { path: '', code: 'unrecognized_keys', message: 'Unknown fields are not accepted' },
    ]);
  });
});
