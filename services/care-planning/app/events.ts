import {
  AssessmentOverdueV1,
  CarePlanEstablishedV1,
  CarePlanRevisedV1,
  CareTeamChangedV1,
  CaseClosedV1,
  CaseOpenedV1,
} from '@carelink/contracts';
import { type EventDraft, emit } from '@carelink/lambda-kit';
import type * as z from 'zod';

// What care-planning publishes: ids, programs, dates and interventions' kinds, owners and cadences.
// Assessment answers and care plan text never leave the service.

export const assessmentOverdue = (
  data: z.input<(typeof AssessmentOverdueV1)['data']>,
  aggregateVersion?: number,
): EventDraft => emit(AssessmentOverdueV1, data, aggregateVersion);

export const carePlanEstablished = (
  data: z.input<(typeof CarePlanEstablishedV1)['data']>,
  aggregateVersion?: number,
): EventDraft => emit(CarePlanEstablishedV1, data, aggregateVersion);

export const carePlanRevised = (
  data: z.input<(typeof CarePlanRevisedV1)['data']>,
  aggregateVersion?: number,
): EventDraft => emit(CarePlanRevisedV1, data, aggregateVersion);

export const careTeamChanged = (
  data: z.input<(typeof CareTeamChangedV1)['data']>,
  aggregateVersion?: number,
): EventDraft => emit(CareTeamChangedV1, data, aggregateVersion);

export const caseClosed = (
  data: z.input<(typeof CaseClosedV1)['data']>,
  aggregateVersion?: number,
): EventDraft => emit(CaseClosedV1, data, aggregateVersion);

export const caseOpened = (
  data: z.input<(typeof CaseOpenedV1)['data']>,
  aggregateVersion?: number,
): EventDraft => emit(CaseOpenedV1, data, aggregateVersion);
