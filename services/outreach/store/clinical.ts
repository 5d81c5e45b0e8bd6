import { type Instant, parseInstant } from '@carelink/calendar';
import type { StateWrite } from '@carelink/lambda-kit';
import type { VitalObservation, VitalsPolicy } from '../domain';
import { keys, sk, sortableInstant } from './keys';
import type { Table } from './table';

/** Screenings (with their answers, which stay here) and vital-sign observations. */
export function createClinicalStore(table: Table) {
  function putScreening(
    tenantId: string,
    patientId: string,
    screening: {
      screeningId: string;
      caseId: string;
      instrument: string;
      answers: unknown;
      score: number;
      band: string;
      positiveDomains?: string[];
      completedAt: string;
      recordedBy: string;
    },
  ): StateWrite {
    return {
      Put: {
        TableName: table.name,
        Item: {
          pk: keys.patient(tenantId, patientId),
          sk: sk.screening(screening.screeningId),
          kind: 'screening',
          patientId,
          ...screening,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  function putObservation(
    tenantId: string,
    patientId: string,
    observationId: string,
    observation: Record<string, unknown> & { observedAt: string },
    recordedBy: string,
  ): StateWrite {
    return {
      Put: {
        TableName: table.name,
        Item: {
          pk: keys.patient(tenantId, patientId),
          sk: sk.observation(sortableInstant(observation.observedAt), observationId),
          kind: 'observation',
          observationId,
          patientId,
          observation,
          recordedBy,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** Observations of the days before `until` (for weight-gain checks), oldest first. */
  async function observationsSince(
    tenantId: string,
    patientId: string,
    from: Instant,
    until: Instant,
  ): Promise<VitalObservation[]> {
    const items = await table.queryBetween(
      keys.patient(tenantId, patientId),
      `OBS#${sortableInstant(from)}`,
      `OBS#${sortableInstant(until)}~`,
    );
    return items.map((item) => {
      const observation = item.observation as Record<string, unknown>;
      return {
        ...observation,
        observedAt: parseInstant(observation.observedAt as string),
      } as VitalObservation;
    });
  }

  async function vitalsPolicy(tenantId: string, patientId: string): Promise<VitalsPolicy> {
    const item = await table.get(keys.patient(tenantId, patientId), sk.vitalsPolicy);
    if (!item) return { heartFailure: false };
    return {
      heartFailure: item.heartFailure === true,
      ...(item.thresholds ? { thresholds: item.thresholds as VitalsPolicy['thresholds'] } : {}),
    };
  }

  function putVitalsPolicy(
    tenantId: string,
    patientId: string,
    policy: VitalsPolicy,
    by: string,
    at: string,
  ): StateWrite {
    return {
      Put: {
        TableName: table.name,
        Item: {
          pk: keys.patient(tenantId, patientId),
          sk: sk.vitalsPolicy,
          kind: 'vitals-policy',
          heartFailure: policy.heartFailure,
          ...(policy.thresholds ? { thresholds: policy.thresholds } : {}),
          updatedBy: by,
          updatedAt: at,
        },
      },
    };
  }

  return { putScreening, putObservation, observationsSince, vitalsPolicy, putVitalsPolicy };
}

export type ClinicalStore = ReturnType<typeof createClinicalStore>;
