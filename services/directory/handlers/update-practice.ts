import { updatePracticeRoute } from '@carelink/contracts/api/directory/practices';
import { etag, httpHandler } from '@carelink/lambda-kit';
import { practiceResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(
  directory.runtime,
  updatePracticeRoute,
  async ({ params, body, ifMatch, principal }) => {
    const { record, commit } = await directory.directory.updatePractice(
      principal,
      params.practiceId,
      body,
      ifMatch,
    );
    return { status: 200, body: practiceResource(record), headers: { etag: etag(record.version) }, commit };
  },
);
