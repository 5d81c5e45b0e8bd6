import { completeTaskRoute } from '@carelink/contracts/api/outreach/tasks';
import { httpHandler } from '@carelink/lambda-kit';
import { finishTask, taskView } from '../app/tasks';
import { now, runtime, stores } from '../runtime';

export const handler = httpHandler(runtime, completeTaskRoute, async ({ params, body, principal }) => {
  const { task, commit } = await finishTask(stores, principal, params, { status: 'done', ...body }, now());
  return { status: 200, body: taskView(task), commit };
});
