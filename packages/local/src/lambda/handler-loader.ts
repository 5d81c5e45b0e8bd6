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

/** Invokes a handler in process with a Lambda context named like its deployed function. */
export async function invoke(file: string, functionName: string, event: unknown): Promise<unknown> {
  const handler = await loadHandler(file);
  return handler(event, lambdaContext(functionName));
}
