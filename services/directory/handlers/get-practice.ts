import { getPracticeRoute } from '@carelink/contracts/api/directory/practices';
import { etag, httpHandler, ok } from '@carelink/lambda-kit';
import { practiceResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(directory.runtime, getPracticeRoute, async ({ params, principal }) => {
  const record = await directory.directory.practice(principal, params.practiceId);
  return ok(practiceResource(record), { etag: etag(record.version) });
});
