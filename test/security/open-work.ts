import type { ApiClient } from '../../packages/local/src/testing/api-client';
import { ok } from './answers';

/**
 * Gives a patient one item of each kind of closable work, so routes on a flag, an escalation, a
 * task and a review task have a real id to be called with: an urgent flag (PHQ-9 item 9, which
 * also asks for a care plan review), an escalation (three failed calls) and the first open task.
 */
export async function openWork(
  staff: Pick<ApiClient, 'send'>,
  ids: { patientId: string; caseId: string },
  settle: () => Promise<void>,
): Promise<{ flagId: string; escalationId: string; taskId: string; taskKey: string }> {
  const { patientId, caseId } = ids;
  ok(
    await staff.send('POST', `/v1/patients/${patientId}/screenings`, {
      instrument: 'phq-9',
      answers: [0, 0, 0, 0, 0, 0, 0, 0, 2],
    }),
    201,
    'urgent screening',
  );
  for (const outcome of ['no-answer', 'voicemail', 'no-answer'])
    ok(
      await staff.send('POST', `/v1/patients/${patientId}/contact-attempts`, { channel: 'phone', outcome }),
      201,
      'contact attempt',
    );
  const flags = ok<{ items: { flagId: string }[] }>(
    await staff.send('GET', `/v1/patients/${patientId}/risk-flags?status=open`),
    200,
    'risk flags',
  );
  const escalations = ok<{ items: { escalationId: string }[] }>(
    await staff.send('GET', `/v1/patients/${patientId}/escalations?status=open`),
    200,
    'escalations',
  );
  const tasks = ok<{ items: { taskId: string }[] }>(
    await staff.send('GET', `/v1/patients/${patientId}/tasks?status=open`),
    200,
    'tasks',
  );
  // The urgent flag asks care-planning for a care plan review, once its event is through.
  await settle();
  const reviews = ok<{ items: { taskKey: string }[] }>(
    await staff.send('GET', `/v1/cases/${caseId}/review-tasks?status=open`),
    200,
    'review tasks',
  );
  const [flag, escalation, task, review] = [
    flags.items[0],
    escalations.items[0],
    tasks.items[0],
    reviews.items[0],
  ];
  if (!flag || !escalation || !task || !review)
    throw new Error('the patient has no open flag, escalation, task or review task');
  return {
    flagId: flag.flagId,
    escalationId: escalation.escalationId,
    taskId: task.taskId,
    taskKey: review.taskKey,
  };
}
