import {
  decideMonth,
  type PatientMonthInput,
  parsePatientMonthInput,
} from '../../services/billing/domain/rules';
import { type Figure, figure, throughput } from '../figure';

/** A realistic spread of patient-months: 0-6 entries each, mixed programs and performers. */
function generate(count: number): PatientMonthInput[] {
  const inputs: PatientMonthInput[] = [];
  for (let i = 0; i < count; i++) {
    const entries = Array.from({ length: i % 7 }, (_, j) => ({
      at: `2026-10-${String(1 + ((i + j) % 28)).padStart(2, '0')}T15:00:00Z`,
      minutes: 5 + ((i * 7 + j * 13) % 30),
      performer: (j % 4 === 3 ? 'physician' : 'clinical-staff') as 'physician' | 'clinical-staff',
      practitionerId: j % 4 === 3 ? 'npi-1' : `staff-${j}`,
      program: (['ccm', 'ccm', 'pcm', 'tcm', 'rpm'] as const)[(i + j) % 5] ?? 'ccm',
    }));
    inputs.push(
      parsePatientMonthInput({
        month: '2026-10',
        timeZone: 'America/New_York',
        careModel: 'time-based',
        patient: { chronicConditionCount: 1 + (i % 4), complexConditionForPcm: i % 3 === 0, qmb: false },
        consent:
          i % 10 === 0
            ? null
            : {
                obtainedAt: '2026-01-05T15:00:00Z',
                revokedAt: null,
                billingPractitionerId: 'npi-1',
                programs: ['ccm', 'pcm'],
              },
        lastQualifyingVisitAt: '2025-12-01T15:00:00Z',
        carePlan: {
          establishedAt: '2026-01-06T15:00:00Z',
          revisedAt: null,
          substantialRevisionInMonth: false,
        },
        medicalDecisionMaking: (['low', 'moderate', 'high', null] as const)[i % 4] ?? null,
        timeEntries: entries,
        otherBilled: [],
        billingPractitionerId: 'npi-1',
      }),
    );
  }
  return inputs;
}

/** `decideMonth` patient-months per second on one core, against summing the same minutes. */
export async function rulesFigures(): Promise<Figure[]> {
  const inputs = generate(10_000);
  let sink = 0;
  const baseline = throughput(() => {
    for (const input of inputs) for (const entry of input.timeEntries) sink += entry.minutes;
    return inputs.length;
  });
  const value = throughput(() => {
    for (const input of inputs) sink += decideMonth(input).lines.length;
    return inputs.length;
  });
  if (sink === -1) console.log(sink);
  return [
    figure({
      figure: 'billing: decideMonth throughput',
      value,
      unit: 'patient-months/s',
      baseline,
      baselineLabel: 'summing the same entries',
      target: '>= 16,667/s (1,000,000 per minute)',
      pass: value >= 1_000_000 / 60,
      note: `${Math.round((value * 60) / 1e6)} million per minute`,
    }),
  ];
}
