import { GetCommand, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ServiceRuntime } from '@carelink/lambda-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Billing, composeBilling, composeClaimExports } from '../compose';
import { seedSyntheticLedgers, syntheticPatientId } from '../testing/synthetic-ledgers';
import { createTestRuntime } from '../testing/test-runtime';
import { HANDOVER_MARGIN_MS, LEASE_MS } from './billing-runs';
import { RunFinalizedError } from './errors';

const tenantId = 'acme-health';
const practiceId = 'practice-boston';
const scope = { tenantId, practiceId };
const PATIENTS = 1000;
/** A second practice of the tenant billing the same synthetic people in other months. */
const cambridge = { tenantId, practiceId: 'practice-cambridge' };
/** A third, whose facts no other test changes. */
const somerville = { tenantId, practiceId: 'practice-somerville' };

let billing: Billing;
let advance: (ms: number) => void;
let testRuntime: ServiceRuntime;

const start = (month: string, hooks = {}) =>
  billing.startRun({
    tenantId,
    practiceId,
    month,
    trigger: 'api',
    correlationId: 'test-run',
    hooks,
  });

/** Claims without the month, so runs of different months over the same ledgers compare. */
async function claimsOf(runId: string, scopeOf = scope) {
  const { body } = await composeClaimExports(billing.runtime, billing).claims(scopeOf, runId, 'json');
  if (typeof body === 'string' || !('lines' in body)) throw new Error('expected JSON claims');
  return body.lines.map((l) => `${l.patientId} ${l.cpt} x${l.units} ${l.diagnosisCodes.join(';')}`);
}

/** Claim lines kept active on the run's patient-months. */
async function activeLineCount(runId: string, scopeOf = scope): Promise<number> {
  const items = await billing.runs.readRunItems(scopeOf.tenantId, runId, 'PM#', ['storedLines']);
  return items
    .flatMap((item) => item.storedLines as { status: string }[])
    .filter((l) => l.status === 'active').length;
}

let reference: string[];

/** The data of the events of one type waiting in the outbox (the relay is not running here). */
async function outboxDetails(detailType: string): Promise<Record<string, unknown>[]> {
  const items: { detail: string }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await testRuntime.db.send(
      new ScanCommand({
        TableName: testRuntime.tableName,
        FilterExpression: 'detailType = :type',
        ExpressionAttributeValues: { ':type': detailType },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items.push(...((page.Items ?? []) as { detail: string }[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.map((item) => (JSON.parse(item.detail) as { data: Record<string, unknown> }).data);
}

/** The ClaimFinalized events of a run waiting in the outbox. */
async function claimEventsOf(runId: string) {
  return (
    (await outboxDetails('ClaimFinalized')) as { runId: string; patientId: string; lines: unknown[] }[]
  ).filter((data) => data.runId === runId);
}

beforeAll(async () => {
  const runtime = await createTestRuntime(new Date('2026-11-15T12:00:00Z'));
  testRuntime = runtime;
  advance = runtime.advance;
  billing = composeBilling(runtime);
  // Patient facts are per patient: seeded with the first month only.
  await Promise.all([
    seedSyntheticLedgers(runtime, { tenantId, practiceId, month: '2026-10', count: PATIENTS }),
    seedSyntheticLedgers(runtime, { tenantId, practiceId, month: '2026-09', count: PATIENTS, facts: false }),
    seedSyntheticLedgers(runtime, { ...cambridge, month: '2026-08', count: PATIENTS }),
  ]);
  await Promise.all([
    seedSyntheticLedgers(runtime, { ...cambridge, month: '2026-07', count: PATIENTS, facts: false }),
    seedSyntheticLedgers(runtime, { ...somerville, month: '2026-06', count: PATIENTS }),
  ]);
});

describe('billing run over 1,000 patient-months', () => {
  it('resumes a run killed midway from its checkpoint without duplicating a line', async () => {
    const crash = new Error('killed');
    await expect(
      start('2026-10', {
        afterBatch: (processed: number) => {
          if (processed >= 400) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    const stuck = await billing.runs.findRunOfMonth(tenantId, practiceId, '2026-10');
    expect(stuck?.status).toBe('running');
    expect(stuck?.checkpoint).not.toBeNull();
    expect(stuck?.processedPatientMonths).toBeLessThan(PATIENTS);

    // While the dead worker's lease lasts nobody else takes the run over.
    expect((await start('2026-10')).executed).toBe(false);

    advance(LEASE_MS + 1);
    const resumed = await start('2026-10');
    expect(resumed).toMatchObject({ created: false, executed: true });
    expect(resumed.run).toMatchObject({ status: 'completed', attempt: 1, processedPatientMonths: PATIENTS });
    reference = await claimsOf(resumed.run.runId);
    expect(reference.length).toBe(resumed.run.totals?.claimLines);
    expect(new Set(reference).size).toBe(reference.length);
    expect(await activeLineCount(resumed.run.runId)).toBe(reference.length);
    expect(resumed.run.lastDifference?.added).toBe(reference.length);
  });

  it('re-running the unfinalised month yields the same claims and an empty difference', async () => {
    const first = await billing.runs.findRunOfMonth(tenantId, practiceId, '2026-10');
    if (!first) throw new Error('no run');
    const again = await start('2026-10');
    expect(again.created).toBe(false);
    expect(again.run).toMatchObject({ runId: first.runId, attempt: 2, status: 'completed' });
    expect(again.run.lastDifference).toEqual({ added: 0, changed: 0, superseded: 0 });
    expect(await claimsOf(first.runId)).toEqual(reference);
  });

  it('starts one run when two starts race, with the same claims', async () => {
    const [a, b] = await Promise.all([start('2026-09'), start('2026-09')]);
    expect(a.run.runId).toBe(b.run.runId);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const run = await billing.queries.runFor(scope, a.run.runId);
    expect(run.status).toBe('completed');
    expect(await claimsOf(run.runId)).toEqual(reference);
  });

  it('re-runs an unfinalised month with only the difference and marks superseded lines', async () => {
    const run = await billing.runs.findRunOfMonth(tenantId, practiceId, '2026-09');
    if (!run) throw new Error('no run');
    // Patient 1 had 25 minutes (99490): 20 more make 99439. Patient 2's time is voided: nothing left.
    const one = syntheticPatientId(1);
    const two = syntheticPatientId(2);
    await billing.runtime.db.send(
      new TransactWriteCommand({
        TransactItems: [
          billing.ledger.putEntry(tenantId, practiceId, '2026-09', one, {
            timeEntryId: '01K0000000000000000000EXTRA',
            startedAt: '2026-09-20T15:00:00Z',
            minutes: 20,
            performer: 'clinical-staff',
            practitionerId: 'staff-cm-1',
            program: 'ccm',
          }),
          billing.ledger.deleteEntry(tenantId, practiceId, '2026-09', two, '01K000000000000000000002E0'),
          billing.ledger.deleteEntry(tenantId, practiceId, '2026-09', two, '01K000000000000000000002E1'),
        ].map(({ onConditionFailed: _, ...item }) => item),
      }),
    );
    const rerun = await start('2026-09');
    expect(rerun.run).toMatchObject({ runId: run.runId, attempt: 2 });
    expect(rerun.run.lastDifference).toEqual({ added: 1, changed: 0, superseded: 2 });
    const claims = await claimsOf(run.runId);
    expect(claims.filter((c) => c.startsWith(one)).map((c) => c.split(' ')[1])).toEqual(['99439', '99490']);
    expect(claims.some((c) => c.startsWith(two))).toBe(false);
    const summary = await billing.queries.summary(scope, run.runId);
    expect(summary.notBilled.find((g) => g.reason === 'NO_COUNTED_TIME')?.patientIds).toContain(two);
  });

  it('freezes a finalised run: finalising again is harmless, re-running it is refused', async () => {
    const run = await billing.runs.findRunOfMonth(tenantId, practiceId, '2026-10');
    if (!run) throw new Error('no run');
    const finalized = await billing.runFinalizer.finalize(scope, run.runId, 'test-finalize');
    expect('run' in finalized && finalized.run.status).toBe('finalized');
    // One ClaimFinalized per billed patient-month, published before the run froze, and only once.
    const published = await claimEventsOf(run.runId);
    expect(published.length).toBe(run.totals?.billedPatients);
    expect(new Set(published.map((e) => e.patientId)).size).toBe(published.length);
    expect(published[0]?.lines.length).toBeGreaterThan(0);
    expect('run' in (await billing.runFinalizer.finalize(scope, run.runId, 'test-finalize'))).toBe(true);
    expect((await claimEventsOf(run.runId)).length).toBe(published.length);
    await expect(start('2026-10')).rejects.toBeInstanceOf(RunFinalizedError);
    expect(await claimsOf(run.runId)).toEqual(reference);
  });
});

describe('a run killed inside a batch', () => {
  const startIn = (month: string, hooks = {}) =>
    billing.startRun({ ...cambridge, month, trigger: 'api', correlationId: 'test-crash', hooks });

  it('resumes between two BatchWriteItem calls of a batch with the same claims, each line once', async () => {
    const crash = new Error('killed');
    let calls = 0;
    await expect(
      startIn('2026-08', {
        // The second batch (a ledger page) is half written when the worker dies.
        afterPut: (written: number) => {
          calls += 1;
          if (calls > 14 && written >= 100) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    const stuck = await billing.runs.findRunOfMonth(tenantId, cambridge.practiceId, '2026-08');
    if (!stuck) throw new Error('no run');
    expect(stuck.status).toBe('running');
    expect(stuck.processedPatientMonths).toBeGreaterThan(0);
    expect(stuck.processedPatientMonths).toBeLessThan(PATIENTS);
    const written = await billing.runs.readRunItems(tenantId, stuck.runId, 'PM#', ['patientId']);
    expect(written.length).toBeGreaterThan(stuck.processedPatientMonths);

    advance(LEASE_MS + 1);
    const resumed = await startIn('2026-08');
    expect(resumed.run).toMatchObject({ status: 'completed', attempt: 1, processedPatientMonths: PATIENTS });
    expect(await claimsOf(resumed.run.runId, cambridge)).toEqual(reference);
    expect(await activeLineCount(resumed.run.runId, cambridge)).toBe(reference.length);
    expect(resumed.run.lastDifference).toEqual({ added: reference.length, changed: 0, superseded: 0 });
    expect(resumed.run.totals?.patientMonths).toBe(PATIENTS);
  });

  it('lets go of a lock the dead worker took for a patient whose result it never wrote and who no longer bills', async () => {
    const crash = new Error('killed');
    let calls = 0;
    await expect(
      startIn('2026-07', {
        // Dies right after the second batch's locks are taken and its first results written.
        afterPut: () => {
          calls += 1;
          if (calls > 14) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    const stuck = await billing.runs.findRunOfMonth(tenantId, cambridge.practiceId, '2026-07');
    if (!stuck?.checkpoint) throw new Error('no checkpoint');
    const written = new Set(
      (await billing.runs.readRunItems(tenantId, stuck.runId, 'PM#', ['patientId'])).map((i) => i.patientId),
    );
    // A billed patient of the dead batch whose result is not written: its lock is held all the same.
    const index = Array.from({ length: PATIENTS }, (_, i) => i).find(
      (i) =>
        syntheticPatientId(i) > (stuck.checkpoint ?? '') &&
        !written.has(syntheticPatientId(i)) &&
        reference.some((c) => c.startsWith(syntheticPatientId(i))),
    );
    if (index === undefined) throw new Error('no unwritten billed patient');
    const patientId = syntheticPatientId(index);
    const { facts, version } = await billing.ledger.getFacts(tenantId, cambridge.practiceId, patientId);
    const patientKey = facts.eligibility?.patientKey ?? '';
    const lockOf = async () =>
      (
        await billing.runtime.db.send(
          new GetCommand({
            TableName: billing.runtime.tableName,
            Key: { pk: `PATIENT-MONTH-LOCK#${patientKey}#2026-07`, sk: 'ccm' },
            ConsistentRead: true,
          }),
        )
      ).Item;
    expect(await lockOf()).toMatchObject({ ownerPracticeId: cambridge.practiceId });

    // Before the run resumes the patient's consent turns out never to have been valid.
    await billing.runtime.db.send(
      new TransactWriteCommand({
        TransactItems: [
          billing.ledger.putFacts(
            tenantId,
            cambridge.practiceId,
            patientId,
            { ...facts, consents: [] },
            version,
          ),
        ],
      }),
    );
    advance(LEASE_MS + 1);
    const resumed = await startIn('2026-07');
    expect(resumed.run.status).toBe('completed');
    expect(await lockOf()).toBeUndefined();
    const claims = await claimsOf(resumed.run.runId, cambridge);
    expect(claims.some((c) => c.startsWith(patientId))).toBe(false);
    expect(claims).toEqual(reference.filter((c) => !c.startsWith(patientId)));
  });
});

describe('a worker running out of time', () => {
  it('hands the attempt over after a checkpoint, and the next worker finishes it with the same claims', async () => {
    const asked = await billing.runRequests.request({
      ...somerville,
      month: '2026-06',
      trigger: 'schedule',
      correlationId: 'test-handover',
    });
    const request = { tenantId, runId: asked.run.runId, attempt: 1, correlationId: 'test-handover' };
    let checkpoints = 0;
    const first = await billing.billingRuns.execute({
      ...request,
      // Plenty of time until the first checkpoint, then too little for another batch.
      hooks: { onProgress: () => (checkpoints += 1) },
      remainingMs: () => (checkpoints === 0 ? LEASE_MS : HANDOVER_MARGIN_MS - 1),
    });
    expect(first.executed).toBe(true);
    expect(first.run).toMatchObject({ status: 'running', attempt: 1, leaseUntil: 0 });
    expect(first.run?.processedPatientMonths).toBeGreaterThan(0);
    expect(first.run?.processedPatientMonths).toBeLessThan(PATIENTS);
    expect(checkpoints).toBe(1);
    const requests = await outboxDetails('BillingRunRequested');
    expect(requests.filter((data) => data.runId === asked.run.runId)).toEqual([
      { runId: asked.run.runId, practiceId: somerville.practiceId, month: '2026-06', attempt: 1 },
      { runId: asked.run.runId, practiceId: somerville.practiceId, month: '2026-06', attempt: 1 },
    ]);

    // The next delivery takes it at once (no lease to wait out) and resumes from the checkpoint.
    const second = await billing.billingRuns.execute(request);
    expect(second).toMatchObject({
      executed: true,
      run: { status: 'completed', processedPatientMonths: PATIENTS },
    });
    expect(await claimsOf(asked.run.runId, somerville)).toEqual(reference);
    expect(await activeLineCount(asked.run.runId, somerville)).toBe(reference.length);
  });
});
