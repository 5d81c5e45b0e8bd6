import { createServiceRuntime } from '@carelink/lambda-kit';
import { benchmarkRun, seedSyntheticLedgers } from '../../services/billing/testing/synthetic-ledgers';
import { type Figure, figure } from '../figure';
import { withServiceTable } from '../service-table';

/**
 * A full monthly run over N patient-month ledgers against its physical baseline: the same ledgers
 * read, one result item per patient-month batch-written (BatchWriteItem, 25 a call), and one
 * conditional put per billed patient-month, the lock the design requires (docs/decisions/0014).
 */
export async function billingRunFigures(
  count = Number(process.env.BENCH_BILLING_LEDGERS ?? 10_000),
): Promise<Figure[]> {
  return withServiceTable('billing', async () => {
    const runtime = createServiceRuntime('billing');
    const args = { tenantId: 'acme-health', practiceId: 'practice-boston', month: '2026-10' };
    await seedSyntheticLedgers(runtime, { ...args, count });
    const result = await benchmarkRun(runtime, args);
    const floorMs = result.baselineMs + result.lockFloorMs;
    const n = (value: number) => value.toLocaleString('en-US');
    return [
      figure({
        figure: `billing: full run over ${n(count)} ledgers`,
        value: result.runMs,
        unit: 'ms',
        baseline: floorMs,
        baselineLabel: `read of the same ${n(result.ledgerItems)} ledger items + BatchWriteItem of ${n(result.baselineItems)} result items + ${n(result.lockFloorItems)} conditional lock puts`,
        target: '<= 1.5x the physical baseline',
        pass: result.runMs <= 1.5 * floorMs,
        note: `${result.patientMonths} patient-months decided, ${result.claimLines} claim lines written; the floor without the locks (read + BatchWriteItem) took ${n(result.baselineMs)} ms, ${(result.runMs / result.baselineMs).toFixed(2)}x; the locks' conditional puts took ${n(result.lockFloorMs)} ms`,
      }),
    ];
  });
}
