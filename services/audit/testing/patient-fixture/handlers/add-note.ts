import { created, createServiceRuntime, httpHandler, tenantKey } from '@carelink/lambda-kit';
import { addNoteRoute } from '../manifest';

const runtime = createServiceRuntime('intake');

export const handler = httpHandler(runtime, addNoteRoute, async ({ params, body, principal }) => {
  const id = runtime.newId();
  return created(
    `/v1/audit-fixture/patients/${params.patientId}/notes/${id}`,
    { id },
    {
      writes: [
        {
          Put: {
            TableName: runtime.tableName,
            Item: { pk: tenantKey(principal.tenantId, 'NOTE', params.patientId), sk: id, text: body.text },
          },
        },
      ],
      events: [],
    },
  );
});
