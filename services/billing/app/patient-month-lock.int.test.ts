import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Billing, composeBilling, composeClaimExports } from '../compose';
import { seedSyntheticLedgers } from '../testing/synthetic-ledgers';
import { createTestRuntime } from '../testing/test-runtime';

const PATIENTS = 60;
const month = '2026-10';
const acme = { tenantId: 'acme-health', practiceId: 'practice-boston' };
const bluepeak = { tenantId: 'bluepeak-health', practiceId: 'practice-denver' };

let billing: Billing;

const start = (scope: { tenantId: string; practiceId: string }) =>
  billing.startRun({ ...scope, month, trigger: 'api', correlationId: `lock-${scope.tenantId}` });

async function claimsOf(scope: { tenantId: string; practiceId: string }, runId: string) {
  const { body } = await composeClaimExports(billing.runtime, billing).claims(scope, runId, 'json');
  if (typeof body === 'string' || !('lines' in body)) throw new Error('expected JSON claims');
  return body.lines;
}

async function reasonsOf(scope: { tenantId: string; practiceId: string }, runId: string) {
  const packet = await billing.queries.audit(scope, runId, 200, undefined);
  return packet.items.map((item) => ({ patientId: item.patientId, reasons: item.reasons ?? [] }));
}

beforeAll(async () => {
  const runtime = await createTestRuntime(new Date('2026-11-15T12:00:00Z'));
  billing = composeBilling(runtime);
  // The same synthetic people, with qualifying minutes, in two tenants' practices.
  await seedSyntheticLedgers(runtime, { ...acme, month, count: PATIENTS });
  await seedSyntheticLedgers(runtime, { ...bluepeak, month, count: PATIENTS });
});

describe('patient-month lock across tenants', () => {
  it('bills each person once when two tenants run the same month at the same moment', async () => {
    const [first, second] = await Promise.all([start(acme), start(bluepeak)]);
    const acmeLines = await claimsOf(acme, first.run.runId);
    const bluepeakLines = await claimsOf(bluepeak, second.run.runId);
    const billedBy = (lines: { patientId: string }[]) => new Set(lines.map((l) => l.patientId));
    const both = [...billedBy(acmeLines)].filter((id) => billedBy(bluepeakLines).has(id));
    expect(both).toEqual([]);
    expect(acmeLines.length + bluepeakLines.length).toBeGreaterThan(0);

    // Whoever lost a person sees why in its audit packet.
    const elsewhere = [
      ...(await reasonsOf(acme, first.run.runId)),
      ...(await reasonsOf(bluepeak, second.run.runId)),
    ]
      .filter((item) => item.reasons.includes('BILLED_ELSEWHERE'))
      .map((item) => item.patientId);
    const billedAnywhere = new Set([...billedBy(acmeLines), ...billedBy(bluepeakLines)]);
    expect(elsewhere.length).toBe(billedAnywhere.size);
    for (const id of elsewhere) expect(billedAnywhere.has(id)).toBe(true);
  });

  it('leaves the holder’s re-run as it was, and the other tenant’s re-run still billing nothing twice', async () => {
    const firstRun = await billing.runs.findRunOfMonth(acme.tenantId, acme.practiceId, month);
    const secondRun = await billing.runs.findRunOfMonth(bluepeak.tenantId, bluepeak.practiceId, month);
    if (!firstRun || !secondRun) throw new Error('no runs');
    const before = [
      ...(await claimsOf(acme, firstRun.runId)).map((l) => `a ${l.patientId} ${l.cpt}`),
      ...(await claimsOf(bluepeak, secondRun.runId)).map((l) => `b ${l.patientId} ${l.cpt}`),
    ].sort();
    await start(acme);
    await start(bluepeak);
    const after = [
      ...(await claimsOf(acme, firstRun.runId)).map((l) => `a ${l.patientId} ${l.cpt}`),
      ...(await claimsOf(bluepeak, secondRun.runId)).map((l) => `b ${l.patientId} ${l.cpt}`),
    ].sort();
    expect(after).toEqual(before);
  });

  it('lets go of a lock when the holder’s unfinalised re-run no longer bills the family, so the other tenant can', async () => {
    const acmeRun = await billing.runs.findRunOfMonth(acme.tenantId, acme.practiceId, month);
    const bluepeakRun = await billing.runs.findRunOfMonth(bluepeak.tenantId, bluepeak.practiceId, month);
    if (!acmeRun || !bluepeakRun) throw new Error('no runs');
    // Whichever tenant won a person in the race is the holder here.
    const acmeHeld = (await claimsOf(acme, acmeRun.runId))[0];
    const holder = acmeHeld ? { scope: acme, run: acmeRun } : { scope: bluepeak, run: bluepeakRun };
    const other = acmeHeld ? { scope: bluepeak, run: bluepeakRun } : { scope: acme, run: acmeRun };
    const held = acmeHeld ?? (await claimsOf(bluepeak, bluepeakRun.runId))[0];
    if (!held) throw new Error('nobody billed anybody');
    // The holder learns the patient's consent was never valid: its re-run bills nothing for them.
    const { tenantId, practiceId } = holder.scope;
    const { facts, version } = await billing.ledger.getFacts(tenantId, practiceId, held.patientId);
    const withoutConsent = { ...facts, consents: [] };
    await billing.runtime.db.send(
      new TransactWriteCommand({
        TransactItems: [
          billing.ledger.putFacts(tenantId, practiceId, held.patientId, withoutConsent, version),
        ],
      }),
    );
    await start(holder.scope);
    const holderLines = await claimsOf(holder.scope, holder.run.runId);
    expect(holderLines.filter((l) => l.patientId === held.patientId)).toEqual([]);
    await start(other.scope);
    const nowBilled = (await claimsOf(other.scope, other.run.runId)).filter(
      (l) => l.patientId === held.patientId,
    );
    expect(nowBilled.map((l) => l.cpt)).toContain(held.cpt);
  });
});
