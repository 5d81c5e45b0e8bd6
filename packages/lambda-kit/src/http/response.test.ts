import { describe, expect, it } from 'vitest';
import { toStoredResponse } from './idempotency';
import { ok, text } from './response';

describe('response bodies', () => {
  it('serialises JSON bodies, strings included, as JSON', () => {
    expect(toStoredResponse(ok({ a: 1 })).body).toBe('{"a":1}');
    expect(toStoredResponse(ok('plain')).body).toBe('"plain"');
  });

  it('sends a text body verbatim with its declared content type', () => {
    const stored = toStoredResponse(text('<p>hi</p>', 'text/html; charset=utf-8', { etag: '"2"' }));
    expect(stored.body).toBe('<p>hi</p>');
    expect(stored.headers).toEqual({ etag: '"2"', 'content-type': 'text/html; charset=utf-8' });
  });

  it('keeps a string body JSON-encoded when the declared type is a JSON type', () => {
    const stored = toStoredResponse({
      status: 200,
      body: 'x',
      headers: { 'content-type': 'application/fhir+json' },
    });
    expect(stored.body).toBe('"x"');
  });
});
