import { addMilliseconds, compareInstants, DAY_MS, type Instant, parseInstant } from '@carelink/calendar';
import type { VitalType } from '@carelink/contracts';
import {
  type Commit,
  type EventDraft,
  type StateWrite,
  type TenantPrincipal,
  ValidationError,
} from '@carelink/lambda-kit';
import type { Stores } from '../compose';
import { evaluateVital, resolveVitalThresholds, scoreScreening, type VitalsPolicy } from '../domain';
import { patientOfCaller } from './access';
import { screeningScored, vitalRecorded } from './events';
import { raiseFlags } from './risk';

type Instrument = 'phq-9' | 'gad-7' | 'hrsn';

export interface ScreeningRequest {
  instrument: Instrument;
  answers: unknown;
  completedAt?: string | undefined;
}

function notInFuture(at: Instant, now: Instant, path: string): void {
  if (compareInstants(at, now) > 0)
    throw new ValidationError('The time may not be in the future', [{ path, code: 'in_future' }]);
}

/**
 * Scores a screening. The answers are stored with the patient; `ScreeningScored` carries the score
 * and band only. Flags (PHQ-9 item 9, unsafe at home) are raised in the same transaction.
 */
export async function submitScreening(
  stores: Pick<Stores, 'cases' | 'clinical' | 'riskFlags'>,
  principal: TenantPrincipal,
  patientId: string,
  request: ScreeningRequest,
  ids: { screeningId: string; newId: () => string; now: Instant },
) {
  const patient = await patientOfCaller(stores, principal, patientId);
  const completedAt = request.completedAt ? parseInstant(request.completedAt) : ids.now;
  notInFuture(completedAt, ids.now, 'completedAt');
  const result = scoreScreening(
    request.instrument === 'hrsn' ? 'ahc-hrsn' : request.instrument,
    request.answers,
    completedAt,
  );
  const positiveDomains =
    request.instrument === 'hrsn' ? result.proposedReferrals.map((referral) => referral.domain) : undefined;
  const writes: StateWrite[] = [
    stores.clinical.putScreening(principal.tenantId, patientId, {
      screeningId: ids.screeningId,
      caseId: patient.caseId,
      instrument: request.instrument,
      answers: request.answers,
      score: result.score,
      band: result.band,
      ...(positiveDomains ? { positiveDomains } : {}),
      completedAt: completedAt.toString(),
      recordedBy: principal.subject,
    }),
  ];
  const events: EventDraft[] = [
    screeningScored({
      screeningId: ids.screeningId,
      patientId,
      caseId: patient.caseId,
      practiceId: patient.practiceId,
      instrument: request.instrument,
      score: result.score,
      band: result.band,
      ...(positiveDomains ? { positiveDomains } : {}),
      scoredAt: completedAt.toString(),
    }),
  ];
  const riskFlags = raiseFlags(
    stores,
    principal.tenantId,
    patient,
    result.riskFlags,
    { sourceId: ids.screeningId, newId: ids.newId },
    { writes, events },
  ).map(({ flagId, kind, severity }) => ({ flagId, kind, severity }));
  return {
    view: {
      screeningId: ids.screeningId,
      caseId: patient.caseId,
      instrument: request.instrument,
      score: result.score,
      band: result.band,
      ...(positiveDomains ? { positiveDomains } : {}),
      riskFlags,
      completedAt: completedAt.toString(),
    },
    commit: { writes, events } satisfies Commit,
  };
}

/** The reading as the timeline shows it: systolic over diastolic for blood pressure, else the value. */
function reading(observation: Record<string, unknown> & { type: string }) {
  const unit = String(observation.unit);
  const type = observation.type as VitalType;
  return observation.type === 'blood-pressure'
    ? { type, value: Number(observation.systolic), diastolic: Number(observation.diastolic), unit }
    : { type, value: Number(observation.value), unit };
}

/** Days of history the heart-failure weight checks look back on (a week, plus the day itself). */
const WEIGHT_HISTORY_DAYS = 8;

/** Records a vital sign and raises the flags its thresholds (and weight history) call for. */
export async function recordObservation(
  stores: Pick<Stores, 'cases' | 'clinical' | 'riskFlags'>,
  principal: TenantPrincipal,
  patientId: string,
  observation: Record<string, unknown> & { type: string; observedAt: string },
  ids: { observationId: string; newId: () => string; now: Instant },
) {
  const patient = await patientOfCaller(stores, principal, patientId);
  const observedAt = parseInstant(observation.observedAt);
  notInFuture(observedAt, ids.now, 'observedAt');
  const policy = await stores.clinical.vitalsPolicy(principal.tenantId, patientId);
  const history =
    policy.heartFailure && observation.type === 'body-weight'
      ? await stores.clinical.observationsSince(
          principal.tenantId,
          patientId,
          addMilliseconds(observedAt, -WEIGHT_HISTORY_DAYS * DAY_MS),
          observedAt,
        )
      : [];
  const flags = evaluateVital(observation, history, policy, patient.timeZone);
  const writes: StateWrite[] = [
    stores.clinical.putObservation(
      principal.tenantId,
      patientId,
      ids.observationId,
      { ...observation, observedAt: observedAt.toString() },
      principal.subject,
    ),
  ];
  const events: EventDraft[] = [];
  const riskFlags = raiseFlags(
    stores,
    principal.tenantId,
    patient,
    flags,
    { sourceId: ids.observationId, newId: ids.newId },
    { writes, events },
  );
  events.push(
    vitalRecorded({
      observationId: ids.observationId,
      patientId,
      ...(patient.caseId ? { caseId: patient.caseId } : {}),
      practiceId: patient.practiceId,
      ...reading(observation),
      observedAt: observedAt.toString(),
      flagCodes: riskFlags.map((flag) => flag.code),
    }),
  );
  return {
    view: { observationId: ids.observationId, riskFlags },
    commit: { writes, events } satisfies Commit,
  };
}

/** Sets the vitals monitoring policy (heart failure, threshold overrides). */
export async function setVitalsPolicy(
  stores: Pick<Stores, 'cases' | 'clinical'>,
  principal: TenantPrincipal,
  patientId: string,
  policy: VitalsPolicy,
  now: Instant,
): Promise<Commit> {
  await patientOfCaller(stores, principal, patientId);
  resolveVitalThresholds(policy.thresholds);
  return {
    writes: [
      stores.clinical.putVitalsPolicy(
        principal.tenantId,
        patientId,
        policy,
        principal.subject,
        now.toString(),
      ),
    ],
    events: [],
  };
}
