/** Minimal handler the infra fixtures deploy: answers whatever invokes it. */
export const handler = async (event: unknown): Promise<{ statusCode: number; body: string }> => ({
  statusCode: 200,
  body: JSON.stringify({ received: typeof event }),
});
