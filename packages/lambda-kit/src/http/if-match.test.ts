import { defineRoute } from '@carelink/contracts';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { HttpProblem } from '../errors';
import { ifMatchAccepts, ifMatchFrom } from './if-match';

const route = defineRoute({
  operationId: 'updateThing',
  method: 'PATCH',
  path: '/v1/things/{thingId}',
  summary: 'Update a thing',
  tag: 'Things',
  scopes: [],
  requiresIfMatch: true,
  params: z.object({ thingId: z.string() }),
  body: z.object({}),
  responses: { 200: { description: 'Updated', schema: z.object({}) } },
});

const problemOf = (header: string | undefined) => {
  try {
    ifMatchFrom(route, header === undefined ? {} : { 'if-match': header });
  } catch (error) {
    return (error as HttpProblem).problemType;
  }
  return undefined;
};

describe('If-Match', () => {
  it('reads one strong version and * as any version', () => {
    expect(ifMatchFrom(route, { 'if-match': '"6"' })).toBe(6);
    expect(ifMatchFrom(route, { 'if-match': ' * ' })).toBe('any');
  });

  it('never matches a weak validator, and refuses lists and unquoted values', () => {
    expect(problemOf('W/"6"')).toBe('precondition-failed');
    expect(problemOf('"5", "6"')).toBe('precondition-failed');
    expect(problemOf('6')).toBe('precondition-failed');
  });

  it('asks for the header where the route requires it', () => {
    expect(problemOf(undefined)).toBe('precondition-required');
  });

  it('accepts * for any existing version, but not for a resource that does not exist', () => {
    expect(ifMatchAccepts('any', 3)).toBe(true);
    expect(ifMatchAccepts('any', undefined)).toBe(false);
    expect(ifMatchAccepts(3, 3)).toBe(true);
    expect(ifMatchAccepts(2, 3)).toBe(false);
    expect(ifMatchAccepts(undefined, 3)).toBe(true);
  });
});
