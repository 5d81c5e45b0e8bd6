import { parseArgs } from 'node:util';
import { createServiceRuntime } from '@carelink/lambda-kit';
import { composeBilling } from '../compose';

/**
 * `npm run billing -- --practice P --month YYYY-MM [--tenant T]`: runs (or re-runs, or resumes) the
 * billing of a practice-month with the same use case as the API and the schedule, against the table
 * named by BILLING_TABLE_NAME, and prints the summary.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      practice: { type: 'string' },
      month: { type: 'string' },
      tenant: { type: 'string' },
    },
  });
  if (!values.practice || !values.month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month)) {
    process.stderr.write(
      'usage: npm run billing -- --practice <practiceId> --month YYYY-MM [--tenant <tenantId>]\n',
    );
    process.exitCode = 2;
    return;
  }
  const billing = composeBilling(createServiceRuntime('billing'));
  const tenantId =
    values.tenant ??
    (await billing.practices.activePractices()).find((p) => p.practiceId === values.practice)?.tenantId;
  if (!tenantId) {
    process.stderr.write('unknown practice; pass --tenant\n');
    process.exitCode = 2;
    return;
  }
  const width = 30;
  const started = Date.now();
  const progress = (processed: number) => {
    const spinner = '|/-\\'[Math.floor(processed / 25) % 4] ?? '|';
    const filled = Math.min(width, Math.floor(processed / 50) % (width + 1));
    process.stderr.write(
      `\r${spinner} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${processed} patient-months  ${((Date.now() - started) / 1000).toFixed(1)}s`,
    );
  };
  const { run, created, executed } = await billing.startRun({
    tenantId,
    practiceId: values.practice,
    month: values.month,
    trigger: 'cli',
    correlationId: `cli-${billing.runtime.newId()}`,
    hooks: { afterBatch: progress },
  });
  process.stderr.write('\n');
  if (!executed) process.stdout.write(`run ${run.runId} is being executed by another worker\n`);
  const summary = await billing.queries.summary({ tenantId, practiceId: values.practice }, run.runId);
  process.stdout.write(
    `${JSON.stringify({ run: { runId: run.runId, created, attempt: run.attempt, status: run.status, difference: run.lastDifference }, summary: { ...summary, notBilled: summary.notBilled.map((g) => ({ reason: g.reason, patients: g.patientIds.length })) } }, null, 2)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`\nbilling run failed: ${error instanceof Error ? error.name : 'error'}\n`);
  process.exitCode = 1;
});
