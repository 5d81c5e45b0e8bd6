import type { PracticeDirectory, ServiceRuntime } from '@carelink/lambda-kit';
import {
  assembleClaims,
  type ClaimLine,
  claimsToCsv,
  claimsToFhirBundle,
  claimsToX12,
} from '../domain/claims';
import type { ControlNumbers } from '../store/control-numbers';
import type { PatientMonthResult, RunRecord, RunStore } from '../store/run-store';
import type { SubscriberStore } from '../store/subscriber-store';
import { scopedPracticeLookup } from './practices';
import { runOfCaller } from './run-of-caller';
import type { StaffScope } from './staff-scope';

export interface ClaimLineView extends ClaimLine {
  attempt: number;
}

/**
 * The run's claims as a billing office downloads them. Kept apart from the other queries so that
 * only the export function carries the claim renderers (CSV, FHIR, X12).
 */
export function createClaimExports(
  runtime: ServiceRuntime,
  runs: RunStore,
  practices: PracticeDirectory,
  subscribers: SubscriberStore,
  controlNumbers: ControlNumbers,
) {
  const practiceOf = scopedPracticeLookup(practices);
  const runFor = runOfCaller(runs);

  async function claimLines(scope: StaffScope, run: RunRecord): Promise<ClaimLineView[]> {
    const patientMonths = (await runs.readRunItems(scope.tenantId, run.runId, 'PM#', [
      'patientId',
      'storedLines',
      'billingPractitionerNpi',
      'audit',
    ])) as unknown as Pick<
      PatientMonthResult,
      'patientId' | 'storedLines' | 'billingPractitionerNpi' | 'audit'
    >[];
    const lines = patientMonths.flatMap((pm) =>
      pm.storedLines.filter((line) => line.status === 'active').map((line) => ({ pm, line })),
    );
    if (lines.some(({ line }) => line.dateOfService === undefined)) return legacyClaimLines(scope, run);
    return lines.map(({ pm, line }) => ({
      patientId: pm.patientId,
      month: run.month,
      billingPractitionerNpi: String(pm.billingPractitionerNpi),
      dateOfService: String(line.dateOfService),
      cpt: line.code,
      units: line.units,
      diagnosisCodes: pm.audit.diagnosisCodes,
      attempt: Number(line.lastActionAttempt),
    }));
  }

  /** Runs last written before claim lines lived on their patient-month kept an item per line. */
  async function legacyClaimLines(scope: StaffScope, run: RunRecord): Promise<ClaimLineView[]> {
    const items = await runs.readRunItems(scope.tenantId, run.runId, 'LINE#');
    return items
      .filter((item) => item.status === 'active')
      .map((item) => ({
        patientId: String(item.patientId),
        month: String(item.month),
        billingPractitionerNpi: String(item.billingPractitionerNpi),
        dateOfService: String(item.dateOfService),
        cpt: String(item.code),
        units: Number(item.units),
        diagnosisCodes: (item.diagnosisCodes as string[]) ?? [],
        attempt: Number(item.lastActionAttempt),
      }));
  }

  return {
    /**
     * The run's claims: JSON (the lines, the assembled claims and the withheld patient-months), CSV,
     * a FHIR R4 Claim bundle or an X12 837P file. They carry the subscriber's identity: the route's
     * access record keeps who exported which run.
     */
    async claims(scope: StaffScope, runId: string, format: 'json' | 'csv' | 'fhir' | 'x12') {
      const run = await runFor(scope, runId);
      const [lines, practice] = await Promise.all([claimLines(scope, run), practiceOf(scope)]);
      const subscribersOf = await subscribers.batchGet(
        scope.tenantId,
        practice.practiceId,
        lines.map((line) => line.patientId),
      );
      const { claims, withheld } = assembleClaims({
        practice,
        lines,
        subscribers: subscribersOf,
        basis: practice.feeBasis,
      });
      if (format === 'csv') return { format, body: claimsToCsv(claims) } as const;
      if (format === 'fhir') {
        const created = (run.completedAt ?? run.startedAt).slice(0, 10);
        return { format, body: claimsToFhirBundle(claims, created) } as const;
      }
      if (format === 'x12') {
        const payers = new Set(claims.map((claim) => claim.payer.payerId)).size;
        const firstControlNumber =
          payers > 0 ? await controlNumbers.reserve(scope.tenantId, practice.practiceId, payers) : 1;
        const { body } = claimsToX12(claims, {
          submitterId: practice.tin,
          submitterName: practice.name,
          contactPhone: practice.callbackNumber,
          firstControlNumber,
          createdAt: runtime.clock(),
        });
        return { format, body } as const;
      }
      return { format, body: { runId: run.runId, status: run.status, lines, claims, withheld } } as const;
    },
  };
}

export type ClaimExports = ReturnType<typeof createClaimExports>;
