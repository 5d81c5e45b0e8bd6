import {
  addDays,
  epochMsOf,
  instantFromEpochMs,
  localDate,
  parseIsoDate,
  startOfDay,
} from '@carelink/calendar';
import type { PatientFacts } from './patient-facts';
import type { TcmInput } from './tcm';

/** The discharge facility as eligibility names it, as `decideTcm` names it. */
const FROM: Readonly<Record<string, TcmInput['discharge']['from']>> = {
  inpatient: 'inpatient-acute',
  observation: 'observation',
  snf: 'skilled-nursing',
  'partial-hospitalization': 'partial-hospitalization',
};

const DESTINATIONS: ReadonlySet<string> = new Set([
  'home',
  'assisted-living',
  'domiciliary',
  'skilled-nursing',
  'hospice',
  'other-facility',
]);

/**
 * The TCM facts of a patient for the run of `month`, when TCM belongs to it: the month of the
 * face-to-face visit (the date of service), or, without a visit yet, the month of the discharge
 * (so the audit says what is missing). A referral that does not say where the patient went is
 * taken as a discharge home: a TCM referral is a transition to the community.
 */
export const buildTcmInput = (args: {
  month: string;
  timeZone: string;
  facts: PatientFacts;
  medicalDecisionMaking: 'low' | 'moderate' | 'high' | null;
}): TcmInput | undefined => {
  const tcm = args.facts.eligibility?.tcm;
  if (!tcm) return undefined;
  const { timeZone } = args;
  const discharge = parseIsoDate(tcm.dischargeDate);
  const periodEnd = addDays(discharge, 29);
  const dateOf = (at: string) => localDate(epochMsOf(at), timeZone);
  const visit = (args.facts.visits ?? [])
    .filter((v) => v.kind === 'tcm-face-to-face')
    .filter((v) => dateOf(v.at) <= periodEnd)
    .filter((v) => dateOf(v.at) >= discharge)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
  const monthOfDate = (date: string) => date.slice(0, 7);
  const belongs = visit
    ? monthOfDate(dateOf(visit.at)) === args.month
    : monthOfDate(discharge) === args.month;
  if (!belongs) return undefined;
  return {
    timeZone,
    discharge: {
      at: instantFromEpochMs(startOfDay(discharge, timeZone)),
      from: FROM[tcm.facilityType ?? 'inpatient'] ?? 'inpatient-acute',
      to: DESTINATIONS.has(tcm.destination ?? '') ? (tcm.destination as TcmInput['discharge']['to']) : 'home',
    },
    contactAttempts: (args.facts.contacts ?? []).map((c) => ({
      at: c.at,
      successful: c.reached,
      interactive: c.interactive,
    })),
    faceToFaceVisitAt: visit?.at ?? null,
    medicalDecisionMaking: args.medicalDecisionMaking,
    diedAt: null,
    alreadyBilledForThisDischarge: false,
  };
};
