import { type Commit, createServiceRuntime, type StateWrite } from '@carelink/lambda-kit';
import { describe, expect, it } from 'vitest';
import type { WebhookSender } from '../adapters/webhook-sender';
import type { WebhookStore, WebhookSubscription } from '../store/webhook-store';
import { createWebhookDispatch } from './webhook-dispatch';

const runtime = createServiceRuntime('intake', { INTAKE_TABLE_NAME: 'intake-test' });
const subscription: WebhookSubscription = {
  id: '01JD3Y7T5V0M3Q8W9X2Z4A6B8W',
  partnerId: 'northwind-health',
  url: 'https://hooks.acme-health.example/carelink',
  events: ['ReferralStatusChanged'],
  status: 'active',
  secret: 'whsec_test',
  createdAt: '2026-11-02T15:00:00.000Z',
};
const change = {
  referralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
  externalReferralId: 'ACME-1',
  status: 'screening' as const,
  previousStatus: 'received' as const,
  taskStatus: 'accepted' as const,
  businessStatus: { code: 'SCREENING', text: 'Screening' },
  version: 2,
  partnerId: 'northwind-health',
};
const metadataAt = (occurredAt: string) => ({
  eventId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8E',
  tenantId: 'acme-health',
  correlationId: 'corr-1',
  occurredAt,
  eventVersion: 1,
});

/** The store's surface the fan-out touches: the subscriptions, and the delivery it records. */
const storeWith = (subscriptions: WebhookSubscription[]) =>
  ({
    list: async () => subscriptions,
    createDelivery: (delivery: unknown): StateWrite => ({ Put: { TableName: 't', Item: { delivery } } }),
  }) as unknown as WebhookStore;

function dispatchWith(vet: Parameters<typeof createWebhookDispatch>[0]['vet']) {
  const sent: string[] = [];
  const sender: WebhookSender = {
    send: async (request) => {
      sent.push(request.address);
      return { statusCode: 200, outcome: 'succeeded', durationMs: 1 };
    },
  };
  const dispatch = createWebhookDispatch({
    runtime,
    webhooks: storeWith([subscription]),
    sender,
    vet,
    random: () => 0,
  });
  return { dispatch, sent };
}

const recorded = (commit: Commit | undefined) => commit?.writes.map((write) => write.Put?.Item?.delivery);

describe('webhook fan-out', () => {
  it('connects to the address that was checked', async () => {
    const { dispatch, sent } = dispatchWith(async (url) => ({ url: new URL(url), address: '203.0.113.7' }));
    const commit = await dispatch.fanOut(metadataAt('2026-11-02T16:00:00.000Z'), change);
    expect(sent).toEqual(['203.0.113.7']);
    expect(recorded(commit)).toEqual([expect.objectContaining({ status: 'succeeded' })]);
  });

  it('records a refused target as rejected, sends nothing and does not retry', async () => {
    const { dispatch, sent } = dispatchWith(async () => 'forbidden-address');
    const commit = await dispatch.fanOut(metadataAt('2026-11-02T16:00:00.000Z'), change);
    expect(sent).toEqual([]);
    expect(recorded(commit)).toEqual([
      expect.objectContaining({
        status: 'failed',
        attempts: [expect.objectContaining({ outcome: 'rejected' })],
      }),
    ]);
  });

  it('sends nothing for a change that names no partner', async () => {
    const { dispatch, sent } = dispatchWith(async (url) => ({ url: new URL(url), address: '203.0.113.7' }));
    const { partnerId: _none, ...anonymous } = change;
    expect(await dispatch.fanOut(metadataAt('2026-11-02T16:00:00.000Z'), anonymous)).toBeUndefined();
    expect(sent).toEqual([]);
  });

  it('never sends a subscription an event from before it existed', async () => {
    const { dispatch, sent } = dispatchWith(async (url) => ({ url: new URL(url), address: '203.0.113.7' }));
    expect(await dispatch.fanOut(metadataAt('2026-11-02T14:59:59.999Z'), change)).toBeUndefined();
    expect(sent).toEqual([]);
  });
});
