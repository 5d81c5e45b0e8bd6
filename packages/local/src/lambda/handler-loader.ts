import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HandlerPath, ServiceManifest } from '@carelink/contracts';
import { lambdaContext } from './context';

type LambdaHandler = (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;

const cache = new Map<string, Promise<LambdaHandler>>();

/** Imports a handler module once (like a warm Lambda) and returns its `handler` export. */
export function loadHandler(file: string): Promise<LambdaHandler> {
  let loaded = cache.get(file);
  if (!loaded) {
    loaded = import(pathToFileURL(file).href).then((module: { handler?: LambdaHandler }) => {
      if (typeof module.handler !== 'function') throw new Error(`${file} does not export a handler`);
      return module.handler;
    });
    cache.set(file, loaded);
  }
  return loaded;
}

/** The absolute path of a manifest's handler module. */
export function handlerFile(manifest: ServiceManifest, handler: HandlerPath): string {
  return join(manifest.dir, handler);
}

/** One finished invocation: the function, how long its handler ran (module loading excluded), whether it threw. */
export interface Invocation {
  functionName: string;
  durationMs: number;
  failed: boolean;
}

const invocationListeners = new Set<(invocation: Invocation) => void>();

/** Observes every invocation made through `invoke` (benchmarks count them); returns the unsubscribe. */
export function onInvocation(listener: (invocation: Invocation) => void): () => void {
  invocationListeners.add(listener);
  return () => invocationListeners.delete(listener);
}

/**
 * Invokes a handler in process with a Lambda context named like its deployed function, reporting
 * the time left of its deployed timeout (nothing stops it when that runs out).
 */
export async function invoke(
  file: string,
  functionName: string,
  event: unknown,
  timeoutMs?: number,
): Promise<unknown> {
  const handler = await loadHandler(file);
  if (invocationListeners.size === 0) return handler(event, lambdaContext(functionName, timeoutMs));
  const started = performance.now();
  let failed = true;
  try {
    const result = await handler(event, lambdaContext(functionName, timeoutMs));
    failed = false;
    return result;
  } finally {
    const invocation = { functionName, durationMs: performance.now() - started, failed };
    for (const listener of invocationListeners) listener(invocation);
  }
}
