import { createServiceRuntime } from '@carelink/lambda-kit';
import { benchmarkRun, seedSyntheticLedgers } from '../../services/billing/testing/synthetic-ledgers';
import { type Figure, figure } from '../figure';
import { withServiceTable } from '../service-table';

/**
 * A full monthly run over N patient-month ledgers against its physical baseline: the same ledgers
 * read, and one result item per patient-month batch-written (BatchWriteItem, 25 a call).
 */
export async function billingRunFigures(
  count = Number(process.env.BENCH_BILLING_LEDGERS ?? 10_000),
): Promise<Figure[]> {
  return withServiceTable('billing', async () => {
    const runtime = createServiceRuntime('billing');
    const args = { tenantId: 'acme-health', practiceId: 'practice-boston', month: '2026-10' };
    await seedSyntheticLedgers(runtime, { ...args, count });
    const result = await benchmarkRun(runtime, args);
    return [
      figure({
        figure: `billing: full run over ${count.toLocaleString('en-US')} ledgers`,
        value: result.runMs,
        unit: 'ms',
        baseline: result.baselineMs,
        baselineLabel: `read of the same ${result.ledgerItems.toLocaleString('en-US')} ledger items + BatchWriteItem of ${result.baselineItems.toLocaleString('en-US')} result items`,
        target: '<= 1.5x the physical baseline',
        pass: result.runMs <= 1.5 * result.baselineMs,
        note: `${result.patientMonths} patient-months decided, ${result.claimLines} claim lines written`,
      }),
    ];
  });
}
