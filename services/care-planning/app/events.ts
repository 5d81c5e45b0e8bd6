import type { CaseTaskType } from '@carelink/contracts';
import {
  AssessmentCompletedV1,
  AssessmentOverdueV1,
  CarePlanEstablishedV1,
  CarePlanRevisedV1,
  CareTeamChangedV1,
  CaseClosedV1,
  CaseOpenedV1,
  CaseTaskChangedV1,
} from '@carelink/contracts';
import { type EventDraft, emit } from '@carelink/lambda-kit';
import type * as z from 'zod/mini';
import type { ReviewPriority } from '../domain/risk-review';

// What care-planning publishes: ids, programs, dates and interventions' kinds, owners and cadences.
// Assessment answers and care plan text never leave the service.

export const assessmentCompleted = (
  data: z.input<(typeof AssessmentCompletedV1)['data']>,
  aggregateVersion?: number,
): EventDraft => emit(AssessmentCompletedV1, data, aggregateVersion);

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

/** A task opened or done, for the worklists; no note and no clinical detail. */
export const caseTaskChanged = (
  task: {
    taskKey: string;
    type: CaseTaskType;
    caseId: string;
    assigneeStaffId: string;
    priority: ReviewPriority;
    dueBy: string;
  },
  status: 'open' | 'done',
  at: { patientId: string; practiceId: string; changedAt: string },
): EventDraft =>
  emit(CaseTaskChangedV1, {
    taskKey: task.taskKey,
    type: task.type,
    caseId: task.caseId,
    patientId: at.patientId,
    practiceId: at.practiceId,
    assigneeStaffId: task.assigneeStaffId,
    priority: task.priority,
    dueBy: task.dueBy,
    status,
    changedAt: at.changedAt,
  });
