import { describe, expect, it } from 'vitest';
import { keptResponse, type StoredResponse, storedResponse } from './idempotency';

const resource = (size: number): StoredResponse => ({
  statusCode: 201,
  headers: { location: '/v1/referrals/01JD3Y7T5V0M3Q8W9X2Z4A6B8C', etag: '"1"' },
  body: JSON.stringify({ id: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C', note: 'é'.repeat(size) }),
});

describe('the stored first answer of an Idempotency-Key', () => {
  it('keeps a long body deflated, smaller, and replays it byte for byte', () => {
    const answer = resource(1000);
    const kept = keptResponse(answer);
    expect('deflatedBody' in kept && kept.deflatedBody.byteLength).toBeLessThan(
      Buffer.byteLength(answer.body),
    );
    expect(storedResponse(kept)).toEqual(answer);
  });

  it('keeps a short body as it is', () => {
    const answer = resource(10);
    expect(keptResponse(answer)).toEqual(answer);
    expect(storedResponse(answer)).toEqual(answer);
  });
});
