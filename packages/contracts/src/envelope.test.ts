import { describe, expect, it } from 'vitest';
import { eventCatalog } from './catalog';
import { buildEvent, InvalidEventError, parseEvent } from './envelope';
import { ReferralCancelledV1 } from './events/referral-cancelled.v1';
import { TimeLoggedV1 } from './events/time-logged.v1';

const ids = { eventId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8Q', occurredAt: '2026-11-02T10:00:00Z' };

describe('event envelope', () => {
  it('builds the design envelope: source, detail-type, { metadata, data }', () => {
    const event = buildEvent(
      TimeLoggedV1,
      { tenantId: 'acme-health', correlationId: 'corr-1', data: TimeLoggedV1.example },
      ids,
    );
    expect(event.source).toBe('carelink.outreach');
    expect(event.detailType).toBe('TimeLogged');
    expect(event.detail.metadata).toEqual({
      eventId: ids.eventId,
      eventVersion: 1,
      tenantId: 'acme-health',
      correlationId: 'corr-1',
      occurredAt: ids.occurredAt,
    });
  });

  it('refuses to build an event whose data breaks the contract', () => {
    expect(() =>
      buildEvent(
        TimeLoggedV1,
        { tenantId: 'acme-health', correlationId: 'c', data: { ...TimeLoggedV1.example, minutes: 500 } },
        ids,
      ),
    ).toThrow();
  });

  it('parses an EventBridge event back into its contract', () => {
    const built = buildEvent(
      ReferralCancelledV1,
      { tenantId: 'acme-health', correlationId: 'c', data: ReferralCancelledV1.example },
      ids,
    );
    const raw = { source: built.source, 'detail-type': built.detailType, detail: built.detail };
    const parsed = parseEvent([TimeLoggedV1, ReferralCancelledV1], raw);
    expect(parsed.contract).toBe(ReferralCancelledV1);
    expect(parsed.detail.data).toEqual(ReferralCancelledV1.example);
  });

  it('rejects an event of a type the consumer does not accept, naming paths not values', () => {
    const raw = {
      source: 'carelink.outreach',
      'detail-type': 'TimeLogged',
      detail: {
        metadata: { ...ids, eventVersion: 1, tenantId: 'acme-health', correlationId: 'c' },
        data: { ...TimeLoggedV1.example, minutes: 'SECRET-VALUE' },
      },
    };
    expect(() => parseEvent([ReferralCancelledV1], raw)).toThrow(InvalidEventError);
    try {
      parseEvent([TimeLoggedV1], raw);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEventError);
      expect((error as InvalidEventError).issues).toEqual(['minutes: invalid_type']);
      expect(JSON.stringify(error)).not.toContain('SECRET-VALUE');
    }
  });
});

describe('event catalog', () => {
  it('has one contract per (source, detail-type, version) and unique detail-types', () => {
    const keys = eventCatalog.map((c) => `${c.source}/${c.detailType}/v${c.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(eventCatalog.map((c) => c.detailType)).size).toBe(eventCatalog.length);
  });

  it.each(eventCatalog.map((c) => [c.detailType, c] as const))('%s example satisfies its schema', (_, c) => {
    expect(c.data.safeParse(c.example).success).toBe(true);
  });
});

describe('issue paths', () => {
  it('keeps schema field names and indexes but hides keys the sender made up', async () => {
    const { safeIssuePath } = await import('./envelope');
    expect(safeIssuePath(['data', 'items', 3, 'code'])).toBe('data.items.3.code');
    expect(safeIssuePath(['pathParameters', '+C?=+w-#Tu~'])).toBe('pathParameters.*');
    expect(safeIssuePath(['member', 'Jane Doe 1950-01-02'])).toBe('member.*');
  });
});
