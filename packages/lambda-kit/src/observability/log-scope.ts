import { AsyncLocalStorage } from 'node:async_hooks';

type LogKeys = Record<string, unknown>;

const scopes = new AsyncLocalStorage<LogKeys>();

/**
 * Runs `work` with its own log keys (tenant, correlation id, function, event): every line it logs,
 * through any logger, carries them, and nothing else does. Keys live in the async context rather
 * than on the shared logger, so concurrent invocations and consecutive records cannot lend each
 * other their context. A nested scope starts from its parent's keys.
 */
export function withLogScope<T>(keys: LogKeys, work: () => T): T {
  return scopes.run({ ...scopes.getStore(), ...keys }, work);
}

/** Adds keys to the current scope once they are known (the tenant after authentication). */
export function addLogKeys(keys: LogKeys): void {
  const scope = scopes.getStore();
  if (scope) Object.assign(scope, keys);
}

/** The current scope's keys (none outside a scope). */
export function logScopeKeys(): LogKeys | undefined {
  return scopes.getStore();
}

/** The Lambda invocation's own keys, for the scope its handler runs in. */
export function invocationKeys(
  context: { functionName?: string; awsRequestId?: string } | undefined,
): LogKeys {
  return {
    ...(context?.functionName ? { function_name: context.functionName } : {}),
    ...(context?.awsRequestId ? { function_request_id: context.awsRequestId } : {}),
  };
}
