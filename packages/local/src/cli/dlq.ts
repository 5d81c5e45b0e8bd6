/**
 * `npm run dlq -- list | redrive [queue]`: inspects and redrives the running local cloud's
 * dead-letter queues (PORT selects the cloud, default 3000).
 */
const [command = 'list', queue] = process.argv.slice(2);
const base = `http://127.0.0.1:${process.env.PORT ?? 3000}`;

async function main(): Promise<void> {
  if (command === 'list') {
    const response = await fetch(`${base}/local/dlq`);
    const dlqs = (await response.json()) as {
      queue: string;
      messages: { messageId: string; reason?: string; sentAt: string; body: string }[];
    }[];
    for (const dlq of dlqs) {
      console.log(`${dlq.queue}: ${dlq.messages.length} message(s)`);
      for (const message of dlq.messages) {
        const event = JSON.parse(message.body) as {
          'detail-type'?: string;
          detail?: { metadata?: { eventId?: string } };
        };
        console.log(
          `  ${message.sentAt}  ${event['detail-type'] ?? '?'}  ${event.detail?.metadata?.eventId ?? ''}  reason: ${message.reason ?? 'unknown'}`,
        );
      }
    }
    return;
  }
  if (command === 'redrive') {
    const response = await fetch(`${base}/local/dlq/redrive`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(queue ? { queue } : {}),
    });
    console.log(`redrove ${((await response.json()) as { moved: number }).moved} message(s)`);
    return;
  }
  console.error('usage: npm run dlq -- list | redrive [queue]');
  process.exitCode = 2;
}

main().catch((error: Error) => {
  console.error(`cannot reach the local cloud at ${base}: ${error.message} (is npm start running?)`);
  process.exitCode = 1;
});
