import { defineRoute } from '@carelink/contracts';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { RouteResult } from './http-handler';
import { ok, text } from './response';

const route = defineRoute({
  operationId: 'getThing',
  method: 'GET',
  path: '/v1/things/{thingId}',
  summary: 'Read a thing',
  tag: 'Things',
  scopes: [],
  params: z.object({ thingId: z.string() }),
  responses: {
    200: {
      description: 'The thing',
      schema: z.object({ id: z.string(), status: z.enum(['open', 'closed']) }),
    },
  },
});

const withAlternatives = defineRoute({
  ...route,
  operationId: 'exportThing',
  responses: {
    200: {
      description: 'The thing, or its printable copy',
      schema: z.object({ id: z.string() }),
      alternatives: { 'text/html': z.string() },
    },
  },
});

describe('route results', () => {
  it('are typed by the route contract, so a view that drifts from it does not compile', () => {
    const answer: RouteResult<typeof route> = ok({ id: 't-1', status: 'open' as const });
    // @ts-expect-error a status the contract does not list
    const wrongValue: RouteResult<typeof route> = ok({ id: 't-1', status: 'archived' as const });
    // @ts-expect-error a field renamed in the view but not in the contract
    const renamed: RouteResult<typeof route> = ok({ identifier: 't-1', status: 'open' as const });
    expect([answer.body, wrongValue.status, renamed.status]).toEqual([
      { id: 't-1', status: 'open' },
      200,
      200,
    ]);
  });

  it('accept any representation where the route serves other media types too', () => {
    const page: RouteResult<typeof withAlternatives> = text('<p>thing</p>', 'text/html; charset=utf-8');
    expect(page.headers?.['content-type']).toBe('text/html; charset=utf-8');
  });
});
