import { createHash } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { PracticeChangedV1 } from '@carelink/contracts';
import type { ServiceRuntime } from '@carelink/lambda-kit';
import { billingNpiOf } from '@carelink/lambda-kit';
import { composeBilling } from '../compose';
import type { LedgerMonth } from '../domain/month-input';
import type { PatientFacts } from '../domain/patient-facts';
import { keys } from '../store/keys';

/** A deterministic patient id (a valid ULID) for synthetic patient `index`. */
export const syntheticPatientId = (index: number): string => `01K${String(index).padStart(23, '0')}`;

/**
 * Synthetic patient-months for tests and benchmarks, varied so that every outcome occurs: billed
 * 99490, 99490 + 99439 (1 and 2 units), below threshold, no consent, too few conditions.
 */
export function syntheticPatientMonths(
  count: number,
  month: string,
  billingPractitionerId: string,
): { patientId: string; facts: PatientFacts; ledger: LedgerMonth }[] {
  return Array.from({ length: count }, (_, i) => {
    const patientId = syntheticPatientId(i);
    const facts: PatientFacts = {
      consents:
        i % 11 === 0
          ? []
          : [
              {
                consentId: `01K${String(i).padStart(22, '0')}C`,
                program: 'ccm',
                obtainedAt: '2026-01-05T15:00:00Z',
                revokedAt: null,
                billingPractitionerId,
              },
            ],
      carePlans: [
        {
          carePlanId: `01K${String(i).padStart(22, '0')}P`,
          program: 'ccm',
          establishedAt: '2026-01-06T15:00:00Z',
          establishedVersion: 1,
          version: 1,
          revisions: [],
        },
      ],
      eligibility: {
        determinationVersion: 1,
        conditionCategories:
          i % 7 === 0 ? ['diabetes'] : ['diabetes', 'heart-failure', 'chronic-kidney-disease'],
        complexConditionForPcm: false,
        lastVisit: { npi: billingPractitionerId, date: '2025-12-15' },
        // The same synthetic person has the same key in every tenant, as one MBI would.
        patientKey: createHash('sha256').update(`synthetic-person-${i}`).digest('hex'),
        diagnoses: [
          { code: 'E11.9', categories: ['diabetes'] },
          ...(i % 7 === 0
            ? []
            : [
                { code: 'I50.22', categories: ['heart-failure'] },
                { code: 'N18.30', categories: ['chronic-kidney-disease'] },
              ]),
        ],
      },
    };
    const minutes = [15, 25, 45, 65, 30][i % 5] ?? 0;
    const entries = [minutes - Math.floor(minutes / 2), Math.floor(minutes / 2)]
      .filter((m) => m > 0)
      .map((m, n) => ({
        timeEntryId: `01K${String(i).padStart(21, '0')}E${n}`,
        startedAt: `${month}-${String(10 + n).padStart(2, '0')}T15:00:00Z`,
        minutes: m,
        performer: 'clinical-staff' as const,
        practitionerId: 'staff-cm-1',
        program: 'ccm',
      }));
    return {
      patientId,
      facts,
      ledger: { patientId, medicalDecisionMaking: null, otherBilled: [], entries },
    };
  });
}

/** Writes `count` synthetic ledgers of a practice-month straight to the table (and the practice, if new). */
export async function seedSyntheticLedgers(
  runtime: ServiceRuntime,
  args: { tenantId: string; practiceId: string; month: string; count: number; facts?: boolean },
): Promise<void> {
  const billing = composeBilling(runtime);
  // A bare table has no directory projection yet: project the contract's example practice, as
  // PracticeChanged would, under the ids asked for.
  const known = await billing.practices.practiceOf(args.tenantId, args.practiceId);
  const practice = known ?? {
    ...PracticeChangedV1.example,
    tenantId: args.tenantId,
    practiceId: args.practiceId,
  };
  if (!known) await billing.practices.apply(practice);
  await billing.ledger.seedMonths(
    args.tenantId,
    args.practiceId,
    args.month,
    syntheticPatientMonths(args.count, args.month, billingNpiOf(practice)),
    { facts: args.facts ?? true },
  );
}

export interface RunBenchmark {
  patientMonths: number;
  /** A bare paginated read of every ledger item of the month. */
  scanMs: number;
  /** A full run: read, join, decide, write results and lines, complete with its event. */
  runMs: number;
  claimLines: number;
  /** Ledger items read by the bare scan (heads and entries). */
  ledgerItems: number;
}

/**
 * Measures a full billing run over the ledgers of a practice-month against a bare read of the same
 * ledgers (`npm run bench`). Seed first with `seedSyntheticLedgers`; the month must not have a run.
 */
export async function benchmarkRun(
  runtime: ServiceRuntime,
  args: { tenantId: string; practiceId: string; month: string },
): Promise<RunBenchmark> {
  const billing = composeBilling(runtime);
  const scanStart = performance.now();
  let items = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await runtime.db.send(
      new QueryCommand({
        TableName: runtime.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: {
          ':pk': keys.ledgerPartition(args.tenantId, args.practiceId, args.month),
        },
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items += page.Items?.length ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  const scanMs = performance.now() - scanStart;
  const runStart = performance.now();
  const { run } = await billing.billingRuns.start({
    ...args,
    trigger: 'cli',
    correlationId: runtime.newId(),
  });
  const runMs = performance.now() - runStart;
  return {
    patientMonths: run.totals?.patientMonths ?? 0,
    scanMs: Math.round(scanMs),
    runMs: Math.round(runMs),
    claimLines: run.totals?.claimLines ?? 0,
    ledgerItems: items,
  };
}
