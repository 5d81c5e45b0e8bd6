import { epochMsOf } from '@carelink/calendar';
import { listPatientTasksRoute } from '@carelink/contracts/api/outreach/tasks';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { patientOfCaller } from '../app/access';
import { taskView } from '../app/tasks';
import { runtime, stores } from '../runtime';

export const handler = httpHandler(runtime, listPatientTasksRoute, async ({ params, query, principal }) => {
  await patientOfCaller(stores, principal, params.patientId);
  const tasks = await stores.cases.tasksOfPatient(principal.tenantId, params.patientId);
  const items = tasks
    .filter((task) => query.status === undefined || task.status === query.status)
    .sort((a, b) => epochMsOf(a.dueAt) - epochMsOf(b.dueAt) || a.id.localeCompare(b.id))
    .map(taskView);
  return ok({ items });
});
