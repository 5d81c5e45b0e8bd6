import { monthOf } from '@carelink/calendar';
import type { PracticeDirectory, ServiceRuntime } from '@carelink/lambda-kit';
import { buildMonthInput } from '../domain/month-input';
import { countedMinutes } from '../domain/rules';
import { type ThresholdStatus, thresholdWorklist } from '../domain/threshold-worklist';
import type { LedgerReader } from '../store/ledger-reader';
import { scopedPracticeLookup } from './practices';
import type { StaffScope } from './staff-scope';

/** The billing lead's worklist: patients of the month within reach of their next billable threshold (closest first). */
export function createBillingWorklist(
  runtime: ServiceRuntime,
  ledger: LedgerReader,
  practices: PracticeDirectory,
) {
  const practiceFor = scopedPracticeLookup(practices);

  return async function worklist(scope: StaffScope, month: string | undefined) {
    const practice = await practiceFor(scope);
    const target = month ?? monthOf(runtime.clock().toISOString(), practice.timeZone);
    const items: { patientId: string; tracks: ThresholdStatus[] }[] = [];
    let startAfter: Record<string, unknown> | undefined;
    do {
      const page = await ledger.readPage(scope.tenantId, practice.practiceId, target, startAfter);
      const facts = await ledger.batchGetFacts(
        scope.tenantId,
        practice.practiceId,
        page.months.map((m) => m.patientId),
      );
      for (const ledgerMonth of page.months) {
        const { input } = buildMonthInput({
          month: target,
          timeZone: practice.timeZone,
          careModel: practice.careModel,
          billingPractitionerId: practice.billingPractitionerNpi,
          facts: facts.get(ledgerMonth.patientId) ?? { consents: [], carePlans: [], eligibility: null },
          ledger: ledgerMonth,
        });
        const minutes = countedMinutes(input);
        const tracks = thresholdWorklist({
          staff: minutes.ccmStaff,
          physician: minutes.ccmPhysician,
          pcm: minutes.pcmStaff + minutes.pcmPhysician,
        }).filter((track) => track.close);
        if (tracks.length > 0) items.push({ patientId: ledgerMonth.patientId, tracks });
      }
      startAfter = page.lastKey;
    } while (startAfter);
    const closest = (tracks: ThresholdStatus[]) =>
      Math.min(...tracks.map((t) => t.minutesMissing ?? Infinity));
    items.sort((a, b) => closest(a.tracks) - closest(b.tracks) || (a.patientId < b.patientId ? -1 : 1));
    return {
      practiceId: practice.practiceId,
      month: target,
      items: items.map(({ patientId, tracks }) => ({
        patientId,
        tracks: tracks.map((t) => ({
          track: t.track,
          countedMinutes: t.countedMinutes,
          nextThreshold: t.nextThreshold ?? 0,
          minutesMissing: t.minutesMissing ?? 0,
        })),
      })),
    };
  };
}

export type BillingWorklist = ReturnType<typeof createBillingWorklist>;
