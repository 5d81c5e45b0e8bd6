import { type Commit, ConflictError, commitTransaction, type ServiceRuntime } from '@carelink/lambda-kit';

/**
 * Commits a change made outside a request or an event (a scheduled run). A conflict means someone
 * else changed the record meanwhile; the next run picks it up, so it is skipped, not retried here.
 */
export async function commitOrSkip(
  runtime: ServiceRuntime,
  tenantId: string,
  commit: Commit,
): Promise<boolean> {
  try {
    await commitTransaction(runtime, commit, { tenantId, correlationId: runtime.newId() });
    return true;
  } catch (error) {
    if (error instanceof ConflictError) {
      runtime.logger.info('scheduled change skipped after a concurrent update');
      return false;
    }
    throw error;
  }
}
