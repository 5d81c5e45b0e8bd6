import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { ServiceRuntime } from '@carelink/lambda-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Billing, composeBilling } from '../compose';
import { seedSyntheticLedgers } from '../testing/synthetic-ledgers';
import { createTestRuntime } from '../testing/test-runtime';
import { LEASE_MS } from './billing-runs';
import { MonthNotEndedError, RunFinalizedError } from './errors';

const tenantId = 'acme-health';
const practiceId = 'practice-boston';
const PATIENTS = 60;

let billing: Billing;
let runtime: ServiceRuntime & { advance(ms: number): void };

const ask = (month: string, trigger: 'api' | 'schedule' = 'api') =>
  billing.runRequests.request({ tenantId, practiceId, month, trigger, correlationId: 'test-request' });

/** The BillingRunRequested events waiting in the outbox (no relay runs here), oldest first. */
async function requestsInOutbox(): Promise<{ tenantId: string; data: Record<string, unknown> }[]> {
  const { Items = [] } = await runtime.db.send(
    new ScanCommand({
      TableName: runtime.tableName,
      FilterExpression: 'detailType = :type',
      ExpressionAttributeValues: { ':type': 'BillingRunRequested' },
    }),
  );
  return Items.map((item) => JSON.parse(item.detail as string))
    .sort((a, b) => a.metadata.eventId.localeCompare(b.metadata.eventId))
    .map((detail) => ({ tenantId: detail.metadata.tenantId, data: detail.data }));
}

beforeAll(async () => {
  runtime = await createTestRuntime(new Date('2026-11-15T12:00:00Z'));
  billing = composeBilling(runtime);
  await seedSyntheticLedgers(runtime, { tenantId, practiceId, month: '2026-10', count: PATIENTS });
  await seedSyntheticLedgers(runtime, {
    tenantId,
    practiceId,
    month: '2026-09',
    count: PATIENTS,
    facts: false,
  });
});

describe('asking for a billing run', () => {
  it('creates the run without executing it and publishes the attempt for the run worker', async () => {
    const asked = await ask('2026-10');
    expect(asked).toMatchObject({ created: true, requested: true });
    expect(asked.run).toMatchObject({
      status: 'running',
      attempt: 1,
      processedPatientMonths: 0,
      totals: null,
    });
    expect(await billing.runs.getRun(tenantId, asked.run.runId)).toMatchObject({
      status: 'running',
      leaseOwner: null,
      processedPatientMonths: 0,
    });
    // Ids only: the run, its practice, month and attempt.
    expect(await requestsInOutbox()).toEqual([
      { tenantId, data: { runId: asked.run.runId, practiceId, month: '2026-10', attempt: 1 } },
    ]);

    // Nobody took it yet: asking again publishes the same attempt again, and creates nothing.
    const again = await ask('2026-10');
    expect(again).toMatchObject({
      created: false,
      requested: true,
      run: { runId: asked.run.runId, attempt: 1 },
    });
    expect((await requestsInOutbox()).map((r) => r.data.attempt)).toEqual([1, 1]);

    // Two deliveries of the request: the first executes the attempt, the second finds it done.
    const request = { tenantId, runId: asked.run.runId, attempt: 1, correlationId: 'test-worker' };
    const [first, second] = [
      await billing.billingRuns.execute(request),
      await billing.billingRuns.execute(request),
    ];
    expect(first).toMatchObject({
      executed: true,
      run: { status: 'completed', processedPatientMonths: PATIENTS },
    });
    expect(second).toMatchObject({ executed: false, run: { status: 'completed', attempt: 1 } });
    const billed = first.run?.totals?.claimLines;
    expect(billed).toBeGreaterThan(0);

    // Asking after it completed starts the next attempt, which a stale request for attempt 1 leaves alone.
    const rerun = await ask('2026-10');
    expect(rerun).toMatchObject({ created: false, requested: true, run: { status: 'running', attempt: 2 } });
    expect((await billing.billingRuns.execute(request)).executed).toBe(false);
    const secondAttempt = await billing.billingRuns.execute({ ...request, attempt: 2 });
    expect(secondAttempt.run).toMatchObject({
      status: 'completed',
      attempt: 2,
      totals: { claimLines: billed },
      lastDifference: { added: 0, changed: 0, superseded: 0 },
    });
  });

  it('leaves an attempt a live worker holds alone, and asks again once its lease ran out', async () => {
    const asked = await ask('2026-09');
    const crash = new Error('killed');
    await expect(
      billing.billingRuns.execute({
        tenantId,
        runId: asked.run.runId,
        attempt: 1,
        correlationId: 'test-worker',
        hooks: {
          afterPut: () => {
            throw crash;
          },
        },
      }),
    ).rejects.toBe(crash);
    const held = await ask('2026-09');
    expect(held).toMatchObject({ requested: false, run: { status: 'running' } });
    expect(held.run.leaseOwner).not.toBeNull();

    runtime.advance(LEASE_MS + 1);
    const orphan = await ask('2026-09');
    expect(orphan).toMatchObject({ created: false, requested: true, run: { attempt: 1 } });
    const resumed = await billing.billingRuns.execute({
      tenantId,
      runId: asked.run.runId,
      attempt: 1,
      correlationId: 'test-worker',
    });
    expect(resumed).toMatchObject({
      executed: true,
      run: { status: 'completed', processedPatientMonths: PATIENTS },
    });
  });

  it('refuses a month that has not ended, an unknown practice and a finalised run', async () => {
    await expect(ask('2026-11')).rejects.toBeInstanceOf(MonthNotEndedError);
    await expect(
      billing.runRequests.request({
        tenantId: 'someone-else',
        practiceId,
        month: '2026-10',
        trigger: 'api',
        correlationId: 'test-request',
      }),
    ).rejects.toMatchObject({ problemType: 'not-found' });
    const run = await billing.runs.findRunOfMonth(tenantId, practiceId, '2026-10');
    if (!run) throw new Error('no run');
    await billing.runFinalizer.finalize({ tenantId, practiceId }, run.runId, 'test-finalize');
    await expect(ask('2026-10')).rejects.toBeInstanceOf(RunFinalizedError);
  });
});

describe('the hourly schedule', () => {
  it("asks for each practice's due month once, then leaves it to the worker", async () => {
    const own = await createTestRuntime(new Date('2026-12-01T12:00:00Z'));
    const scheduled = composeBilling(own);
    await seedSyntheticLedgers(own, { tenantId, practiceId, month: '2026-11', count: 10 });
    const firing = () => scheduled.monthlyRuns(own.clock());

    const [first] = await firing();
    expect(first).toMatchObject({ practiceId, month: '2026-11', outcome: 'started' });
    const runId = first?.runId ?? '';
    // Not taken yet (its request may have been lost): asked again.
    expect((await firing())[0]).toMatchObject({ outcome: 'resumed', runId });
    await scheduled.billingRuns.execute({ tenantId, runId, attempt: 1, correlationId: 'test-worker' });
    expect((await firing())[0]).toMatchObject({ outcome: 'done', runId });
    expect((await scheduled.runs.getRun(tenantId, runId))?.attempt).toBe(1);
  });
});
